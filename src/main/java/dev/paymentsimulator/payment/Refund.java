package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.Map;

import dev.paymentsimulator.common.CompactMap;

/** Money given back from one payment. Refunds settle at once in the simulator. */
public record Refund(String id, long sequence, String paymentId, long amount, String currency, String reason,
		Map<String, String> metadata, Instant created) {

	public Refund {
		metadata = CompactMap.copyOf(metadata);
	}

	public String status() {
		return "succeeded";
	}

}
