package dev.paymentsimulator.payment;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A refund as the contract shows it; every field always written. */
@Schema(name = "Refund", requiredProperties = { "id", "object", "payment", "amount", "currency", "status", "reason",
		"metadata", "created" })
public record RefundView(String id, @Schema(allowableValues = "refund") String object, String payment, long amount,
		String currency, @Schema(allowableValues = "succeeded") String status,
		@Schema(nullable = true) @Nullable String reason, Map<String, String> metadata, long created) {

	public static RefundView of(Refund refund) {
		return new RefundView(refund.id(), "refund", refund.paymentId(), refund.amount(), refund.currency(),
				refund.status(), refund.reason(), refund.metadata(), refund.created().getEpochSecond());
	}

}
