package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.webhook.Deliveries.Pending;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Writes down how an attempt went: the delivery log entry with the exact request, the
 * retry it leaves owed, an endpoint disabled by {@code 410 Gone}, the metrics, and a
 * {@link DeliveryRecorded} for whoever follows the namespace live.
 */
final class DeliveryRecorder {

	private final Deliveries deliveries;

	private final WebhookEndpoints endpoints;

	private final RetrySchedule retries;

	private final SimulatorClock clock;

	private final IdGenerator ids;

	private final MeterRegistry registry;

	private final Timer latency;

	private final ApplicationEventPublisher publisher;

	DeliveryRecorder(Deliveries deliveries, WebhookEndpoints endpoints, RetrySchedule retries, SimulatorClock clock,
			IdGenerator ids, MeterRegistry registry, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.retries = retries;
		this.clock = clock;
		this.ids = ids;
		this.registry = registry;
		this.latency = Timer.builder("simulator.webhook.delivery.duration")
			.description("Time from sending a webhook to its answer or failure")
			.publishPercentileHistogram()
			.register(registry);
	}

	void record(Event event, Pending pending, WebhookSender.Answer answer, Map<String, String> headers, String body) {
		Namespace namespace = event.namespace();
		Instant now = this.clock.now(namespace);
		Integer status = answer.status();
		String error = (answer.error() != null) ? answer.error() : (status >= 200 && status < 300) ? null
				: (status >= 300 && status < 400) ? "redirect_not_followed" : "unexpected_status";
		Instant next = null;
		if (status != null && status == 410 && pending.target().endpointId() != null) {
			this.endpoints.update(namespace, pending.target().endpointId(),
					(endpoint) -> endpoint.withSettings(endpoint.url(), endpoint.enabledEvents(), true));
			error = "gone_endpoint_disabled";
		}
		else if (error != null) {
			boolean honoursRetryAfter = status != null && (status == 429 || status == 503);
			next = this.retries.next(namespace, pending.attempt(), honoursRetryAfter ? answer.retryAfter() : null, now);
		}
		DeliveryAttempt attempt = new DeliveryAttempt(this.ids.newId(namespace, "whd_"), event.id(),
				pending.target().endpointId(), pending.target().url(), pending.attempt(), status, error,
				answer.durationMs(), next, now, body, Collections.unmodifiableMap(headers), answer.headers(),
				answer.body());
		this.deliveries.settle(namespace, pending, attempt, next);
		this.publisher.publishEvent(new DeliveryRecorded(namespace, attempt));
		this.latency.record(answer.durationMs(), TimeUnit.MILLISECONDS);
		this.registry
			.counter("simulator.webhook.deliveries", "result",
					(error == null) ? "delivered" : (next != null) ? "retrying" : "given_up")
			.increment();
	}

}
