package dev.paymentsimulator.payment;

/**
 * What a client can ask of a payment; {@link PaymentStatus} says when each is allowed.
 */
public enum PaymentAction {

	CONFIRM, CAPTURE, CANCEL, REFUND, CHALLENGE;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
