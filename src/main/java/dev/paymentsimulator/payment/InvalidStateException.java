package dev.paymentsimulator.payment;

import java.util.Map;
import java.util.stream.Collectors;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;

/** The state machine forbids the move: answered as 409 {@code payment_invalid_state}. */
public class InvalidStateException extends ApiException {

	InvalidStateException(String paymentId, PaymentStatus status, PaymentAction action) {
		super(ErrorCode.PAYMENT_INVALID_STATE, describe(paymentId, status, action), Map.of("payment_id", paymentId));
	}

	private static String describe(String paymentId, PaymentStatus status, PaymentAction action) {
		String allowed = PaymentStatus.allowing(action)
			.stream()
			.map(PaymentStatus::value)
			.collect(Collectors.joining(" or "));
		String needs = status.allows(action) ? "something left to refund" : allowed;
		return "Payment " + paymentId + " is " + status.value() + "; " + action.value() + " needs " + needs + ".";
	}

}
