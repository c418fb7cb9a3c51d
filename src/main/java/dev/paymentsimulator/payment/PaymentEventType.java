package dev.paymentsimulator.payment;

import java.util.Arrays;
import java.util.Optional;

/** The events a payment's life writes, one per state change. */
public enum PaymentEventType {

	CREATED, REQUIRES_ACTION, PROCESSING, AUTHORIZED, SUCCEEDED, FAILED, CAPTURED, CANCELED, REFUNDED;

	/** The wire form, as in {@code "type": "payment.captured"}. */
	public String value() {
		return "payment." + name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Optional<PaymentEventType> fromValue(String value) {
		return Arrays.stream(values()).filter((type) -> type.value().equals(value)).findFirst();
	}

	/** The event a move into this status writes. */
	static PaymentEventType reaching(PaymentStatus status) {
		return switch (status) {
			case CREATED -> CREATED;
			case REQUIRES_ACTION -> REQUIRES_ACTION;
			case PROCESSING -> PROCESSING;
			case AUTHORIZED -> AUTHORIZED;
			case SUCCEEDED -> SUCCEEDED;
			case FAILED -> FAILED;
			case CAPTURED -> CAPTURED;
			case CANCELED -> CANCELED;
			case PARTIALLY_REFUNDED, REFUNDED -> REFUNDED;
		};
	}

}
