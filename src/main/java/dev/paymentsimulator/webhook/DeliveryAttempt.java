package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * One attempt to deliver one event to one URL, as the delivery log shows it, with the
 * exact bytes and headers that were sent.
 *
 * @param endpointId the endpoint, or {@code null} for a payment's
 * {@code metadata.webhook_url}
 * @param statusCode the receiver's status, or {@code null} when none came back
 * @param error why the attempt failed, or {@code null} when it succeeded
 * @param nextAttemptAt when the next retry is due, or {@code null} when none is
 * @param responseHeaders the receiver's answer's headers, or {@code null} when none came
 * back
 * @param responseBody the first KiB of the receiver's answer, or {@code null} when none
 * came back
 */
public record DeliveryAttempt(String id, String eventId, String endpointId, String url, int attempt, Integer statusCode,
		String error, long durationMs, Instant nextAttemptAt, Instant created, String requestBody,
		Map<String, String> requestHeaders, Map<String, String> responseHeaders, String responseBody) {
}
