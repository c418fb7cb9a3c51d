package dev.paymentsimulator.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.HttpUrls;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.payment.PaymentEventType;

import org.springframework.stereotype.Service;

/** Webhook endpoints, the delivery log and redelivery: what the webhook API offers. */
@Service
public class WebhookService {

	/** How long an old secret may keep signing after a rotation, at most: a week. */
	static final long MAX_OVERLAP_SECONDS = 7 * 24 * 3600;

	private final WebhookEndpoints endpoints;

	private final Deliveries deliveries;

	private final WebhookDispatcher dispatcher;

	private final WebhookSecrets secrets;

	private final EventLog events;

	private final SimulatorClock clock;

	private final IdGenerator ids;

	private final int maxEndpoints;

	WebhookService(WebhookEndpoints endpoints, Deliveries deliveries, WebhookDispatcher dispatcher,
			WebhookSecrets secrets, EventLog events, SimulatorClock clock, IdGenerator ids,
			WebhookProperties properties) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.secrets = secrets;
		this.events = events;
		this.clock = clock;
		this.ids = ids;
		this.maxEndpoints = properties.maxEndpoints();
	}

	public WebhookEndpoint create(Namespace namespace, String url, List<String> enabledEvents, Boolean disabled) {
		WebhookEndpoint endpoint = new WebhookEndpoint(this.ids.newId(namespace, "we_"), namespace,
				this.endpoints.nextSequence(namespace), HttpUrls.check("url", url),
				checkEvents((enabledEvents != null) ? enabledEvents : List.of(WebhookEndpoint.ALL_EVENTS)),
				Boolean.TRUE.equals(disabled), this.clock.now(namespace), this.secrets.newSecret(namespace), null,
				null);
		if (!this.endpoints.add(endpoint, this.maxEndpoints)) {
			throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "This namespace has " + this.maxEndpoints
					+ " webhook endpoints, the most it may have (simulator.webhooks.max-endpoints); delete one first.");
		}
		return endpoint;
	}

	public WebhookEndpoint get(Namespace namespace, String id) {
		return this.endpoints.find(namespace, id).orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
	}

	public Slice<WebhookEndpoint> list(Namespace namespace, PageRequest page) {
		return this.endpoints.list(namespace, page);
	}

	public WebhookEndpoint update(Namespace namespace, String id, String url, List<String> enabledEvents,
			Boolean disabled) {
		String newUrl = (url != null) ? HttpUrls.check("url", url) : null;
		List<String> newEvents = (enabledEvents != null) ? checkEvents(enabledEvents) : null;
		return this.endpoints.update(namespace, id,
				(endpoint) -> endpoint.withSettings((newUrl != null) ? newUrl : endpoint.url(),
						(newEvents != null) ? newEvents : endpoint.enabledEvents(),
						(disabled != null) ? disabled : endpoint.disabled()));
	}

	public void delete(Namespace namespace, String id) {
		if (!this.endpoints.delete(namespace, id)) {
			throw ApiException.notFound("webhook endpoint", id);
		}
	}

	/**
	 * Gives the endpoint a new secret; the old one keeps signing (deliveries carry both
	 * signatures) for {@code expireOldIn}.
	 */
	public WebhookEndpoint rotateSecret(Namespace namespace, String id, Duration expireOldIn) {
		String secret = this.secrets.newSecret(namespace);
		Instant oldExpiresAt = this.clock.now(namespace).plus(expireOldIn);
		return this.endpoints.update(namespace, id, (endpoint) -> endpoint.rotated(secret, oldExpiresAt));
	}

	/** Every attempt to deliver one event, newest first. */
	public Slice<DeliveryAttempt> deliveries(Namespace namespace, String eventId, PageRequest page) {
		event(namespace, eventId);
		List<DeliveryAttempt> attempts = this.deliveries.attempts(namespace, eventId);
		int skip = 0;
		if (page.startingAfter() != null) {
			skip = attempts.size() - indexOf(attempts, page);
		}
		List<DeliveryAttempt> newestFirst = new java.util.ArrayList<>(attempts);
		java.util.Collections.reverse(newestFirst);
		return Slice.take(newestFirst.subList(skip, newestFirst.size()).iterator(), (attempt) -> true, page.limit());
	}

	public Event redeliver(Namespace namespace, String eventId) {
		Event event = event(namespace, eventId);
		this.dispatcher.redeliver(event);
		return event;
	}

	public String defaultSecret(Namespace namespace) {
		return this.secrets.defaultSecret(namespace);
	}

	Optional<Event> findEvent(Namespace namespace, String eventId) {
		return this.events.find(namespace, eventId);
	}

	private Event event(Namespace namespace, String eventId) {
		return this.events.get(namespace, eventId);
	}

	private static int indexOf(List<DeliveryAttempt> attempts, PageRequest page) {
		for (int i = 0; i < attempts.size(); i++) {
			if (attempts.get(i).id().equals(page.startingAfter())) {
				return i;
			}
		}
		throw page.unknownCursor();
	}

	private static List<String> checkEvents(List<String> enabledEvents) {
		if (enabledEvents.isEmpty()) {
			throw ApiException.invalid("enabled_events", "enabled_events needs at least one event type, or \"*\".");
		}
		for (String type : enabledEvents) {
			if (type == null
					|| (!type.equals(WebhookEndpoint.ALL_EVENTS) && PaymentEventType.fromValue(type).isEmpty())) {
				throw ApiException.invalid("enabled_events",
						"enabled_events takes \"*\" or event types such as payment.captured.");
			}
		}
		return enabledEvents;
	}

}
