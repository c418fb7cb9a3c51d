package dev.paymentsimulator.account;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made the request: the namespace it acts on, whether it used a publishable key,
 * which may only read and confirm a payment whose client secret it holds, and the
 * publishable key that belongs with it.
 */
public record Caller(Namespace namespace, boolean publishable, String publishableKey) {

	static final String REQUEST_ATTRIBUTE = Caller.class.getName();

	static final Caller DEFAULT = new Caller(Namespace.DEFAULT, false, "pk_test_default");

	/** Who made the request, as the key filter admitted it. */
	public static Caller of(HttpServletRequest request) {
		return (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Caller caller) ? caller : DEFAULT;
	}

	@Override
	public String toString() {
		return "Caller[namespace=" + this.namespace + ", publishable=" + this.publishable + "]";
	}

}
