package dev.paymentsimulator.payment;

import java.util.Locale;

/** Whether a successful confirm takes the money at once or only holds it. */
public enum CaptureMethod {

	/** Confirming takes the money: the payment becomes {@code succeeded}. */
	AUTOMATIC,
	/** Confirming holds the money: the payment becomes {@code authorized}. */
	MANUAL;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CaptureMethod fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
