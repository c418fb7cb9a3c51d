package dev.paymentsimulator.account;

/**
 * The world one API key sees. Every stored object belongs to exactly one namespace, and
 * every store is keyed by it, so two keys never see each other's payments.
 */
public record Namespace(String name) {

	public static final Namespace DEFAULT = new Namespace("default");

	/** Request attribute under which the current request's namespace travels. */
	public static final String REQUEST_ATTRIBUTE = Namespace.class.getName();

	/**
	 * The namespace a request was admitted to; {@link #DEFAULT} until a key says
	 * otherwise.
	 */
	public static Namespace of(jakarta.servlet.http.HttpServletRequest request) {
		return (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Namespace namespace) ? namespace : DEFAULT;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
