package dev.paymentsimulator.payment;

import static dev.paymentsimulator.payment.PaymentAction.CANCEL;
import static dev.paymentsimulator.payment.PaymentAction.CAPTURE;
import static dev.paymentsimulator.payment.PaymentAction.CHALLENGE;
import static dev.paymentsimulator.payment.PaymentAction.CONFIRM;
import static dev.paymentsimulator.payment.PaymentAction.REFUND;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a payment is in its life. Each constant lists the client actions it allows; the
 * clock's own moves (settling {@code processing}, expiring {@code authorized}) are
 * guarded in {@link Payment}.
 */
public enum PaymentStatus {

	/** The intent exists; no card has been confirmed yet. */
	CREATED(CONFIRM, CANCEL),
	/** Waiting for the customer to pass the 3-D Secure challenge. */
	REQUIRES_ACTION(CHALLENGE, CANCEL),
	/** The network has not answered yet; the clock settles it. */
	PROCESSING,
	/** Funds are held; the merchant captures or cancels within seven days. */
	AUTHORIZED(CAPTURE, CANCEL),
	/** Paid with automatic capture; capturing settles it. */
	SUCCEEDED(CAPTURE, REFUND),
	/** Settled. */
	CAPTURED(REFUND),
	/** The last confirm was declined; another card may be tried. */
	FAILED(CONFIRM, CANCEL),
	/** Some of the money went back to the customer. */
	PARTIALLY_REFUNDED(REFUND),
	/** All of the money went back to the customer. */
	REFUNDED,
	/** Given up, by the merchant or by expiry. */
	CANCELED;

	private final Set<PaymentAction> allowed;

	PaymentStatus(PaymentAction... allowed) {
		this.allowed = allowed.length == 0 ? EnumSet.noneOf(PaymentAction.class)
				: EnumSet.copyOf(Arrays.asList(allowed));
	}

	public boolean allows(PaymentAction action) {
		return this.allowed.contains(action);
	}

	/** The states from which an action is allowed, for error messages. */
	public static List<PaymentStatus> allowing(PaymentAction action) {
		return Arrays.stream(values()).filter((status) -> status.allows(action)).toList();
	}

	/** The wire form, as in {@code "status": "requires_action"}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PaymentStatus fromValue(String value) {
		for (PaymentStatus status : values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown payment status: " + value);
	}

}
