package dev.paymentsimulator.live;

import dev.paymentsimulator.webhook.DeliveryAttempt;
import org.jspecify.annotations.Nullable;

/**
 * What the stream tells of an attempt; the dashboard fetches the request and the answer
 * from the delivery log when it shows them.
 */
record DeliveryNotice(String id, String object, String event, @Nullable String endpoint, String url, int attempt,
		@Nullable Integer statusCode, @Nullable String error, long durationMs, @Nullable Long nextAttemptAt,
		long created) {

	static DeliveryNotice of(DeliveryAttempt attempt) {
		return new DeliveryNotice(attempt.id(), "webhook_delivery", attempt.eventId(), attempt.endpointId(),
				attempt.url(), attempt.attempt(), attempt.statusCode(), attempt.error(), attempt.durationMs(),
				(attempt.nextAttemptAt() != null) ? attempt.nextAttemptAt().getEpochSecond() : null,
				attempt.created().getEpochSecond());
	}

}
