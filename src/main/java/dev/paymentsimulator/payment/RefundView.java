package dev.paymentsimulator.payment;

import java.util.Map;

public record RefundView(String id, String object, String payment, long amount, String currency, String status,
		String reason, Map<String, String> metadata, long created) {

	public static RefundView of(Refund refund) {
		return new RefundView(refund.id(), "refund", refund.paymentId(), refund.amount(), refund.currency(),
				refund.status(), refund.reason(), refund.metadata(), refund.created().getEpochSecond());
	}

}
