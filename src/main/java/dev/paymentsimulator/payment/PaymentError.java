package dev.paymentsimulator.payment;

import dev.paymentsimulator.common.ErrorCode;

/** Why the last confirm failed, as the payment's {@code last_error} shows it. */
public record PaymentError(ErrorCode code, String declineCode, String message) {

	static PaymentError declined(String declineCode, String message) {
		return new PaymentError(ErrorCode.CARD_DECLINED, declineCode, message);
	}

	static final PaymentError AUTHENTICATION_FAILED = declined("authentication_failed",
			"The customer did not pass 3-D Secure authentication.");

}
