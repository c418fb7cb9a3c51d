package dev.paymentsimulator.account;

/**
 * Who made the request: the namespace it acts on, and whether it used a publishable key,
 * which may only read and confirm a payment whose client secret it holds.
 */
public record Caller(Namespace namespace, boolean publishable) {

	static final String REQUEST_ATTRIBUTE = Caller.class.getName();

	static final Caller DEFAULT = new Caller(Namespace.DEFAULT, false);

}
