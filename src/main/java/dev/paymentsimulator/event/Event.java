package dev.paymentsimulator.event;

import java.time.Instant;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.payment.Payment;
import dev.paymentsimulator.payment.Refund;

import org.jspecify.annotations.Nullable;

/**
 * One recorded state change: the payment as it was right after it (and the refund, for
 * {@code payment.refunded}). Its JSON is rendered when asked for, not kept: most events
 * are never read, and the rendering of the same immutable snapshot is the same bytes
 * every time, for the API and for every webhook attempt.
 *
 * @param webhookUrl the payment's own {@code metadata.webhook_url}, which receives the
 * event too; {@code null} when it has none
 */
public record Event(String id, Namespace namespace, long sequence, String type, String paymentId,
		@Nullable String webhookUrl, Instant created, Payment payment, @Nullable Refund refund,
		EventRenderer renderer) {

	/** The event as the API shows it and webhooks send it. */
	public String json() {
		return this.renderer.render(this);
	}

}
