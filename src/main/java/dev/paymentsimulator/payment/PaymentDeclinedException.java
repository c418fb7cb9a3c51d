package dev.paymentsimulator.payment;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.paymentsimulator.common.ApiException;

/**
 * A confirm the network refused. The payment is already stored as {@code failed}; this
 * only carries the answer: 402 with the code, the decline code and the payment's id.
 */
public class PaymentDeclinedException extends ApiException {

	PaymentDeclinedException(Payment payment) {
		super(payment.lastError().code(), payment.lastError().message(), facts(payment));
	}

	private static Map<String, Object> facts(Payment payment) {
		Map<String, Object> facts = new LinkedHashMap<>();
		if (payment.lastError().declineCode() != null) {
			facts.put("decline_code", payment.lastError().declineCode());
		}
		facts.put("payment_id", payment.id());
		return facts;
	}

}
