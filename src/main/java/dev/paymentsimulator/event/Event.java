package dev.paymentsimulator.event;

import java.time.Instant;

import dev.paymentsimulator.account.Namespace;

/**
 * One recorded state change. Its JSON is rendered once, when it is recorded, so the API
 * and every webhook attempt carry the very same bytes.
 *
 * @param webhookUrl the payment's own {@code metadata.webhook_url}, which receives the
 * event too; {@code null} when it has none
 * @param json the event as the API shows it and webhooks send it
 */
public record Event(String id, Namespace namespace, long sequence, String type, String paymentId, String webhookUrl,
		Instant created, String json) {
}
