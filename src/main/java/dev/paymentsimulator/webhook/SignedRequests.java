package dev.paymentsimulator.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.webhook.Deliveries.Known;
import dev.paymentsimulator.webhook.Deliveries.Pending;

/**
 * Builds the request a claimed delivery sends, signed per Standard Webhooks with every
 * secret the receiver may check against; or tells that nothing is owed any more.
 */
final class SignedRequests {

	private static final String USER_AGENT = "PaymentSimulator-Webhooks/1";

	/** What one attempt sends, kept whole for the delivery log. */
	record Request(Event event, Map<String, String> headers, String body) {
	}

	private final Deliveries deliveries;

	private final WebhookEndpoints endpoints;

	private final WebhookSecrets secrets;

	private final EventLog events;

	private final SimulatorClock clock;

	private final Clock realClock;

	SignedRequests(Deliveries deliveries, WebhookEndpoints endpoints, WebhookSecrets secrets, EventLog events,
			SimulatorClock clock, Clock realClock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.secrets = secrets;
		this.events = events;
		this.clock = clock;
		this.realClock = realClock;
	}

	/**
	 * The signed request for a claimed delivery; empty when its event is gone, its
	 * endpoint deleted or disabled, or its attempt made already: by a redelivery while
	 * the retry was owed, or by another instance whose claim lapsed.
	 */
	Optional<Request> forDelivery(Pending pending) {
		Namespace namespace = pending.namespace();
		Known known = (pending.known() != null) ? pending.known() : read(pending);
		if (known.event() == null || known.attemptsMade() >= pending.attempt()) {
			return Optional.empty();
		}
		List<String> signingSecrets;
		if (pending.target().endpointId() != null) {
			if (known.endpoint() == null || known.endpoint().disabled()) {
				return Optional.empty();
			}
			signingSecrets = known.endpoint().signingSecrets(this.clock.now(namespace));
		}
		else {
			signingSecrets = List.of(this.secrets.defaultSecret(namespace));
		}
		Event event = known.event();
		long timestamp = this.realClock.instant().getEpochSecond();
		String id = event.id();
		String body = event.json();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("content-type", "application/json");
		headers.put("user-agent", USER_AGENT);
		headers.put("webhook-id", id);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", WebhookSigner.header(signingSecrets, id, timestamp, body));
		return Optional.of(new Request(event, headers, body));
	}

	private Known read(Pending pending) {
		Namespace namespace = pending.namespace();
		Event event = this.events.find(namespace, pending.eventId()).orElse(null);
		int made = this.deliveries.attemptsMade(namespace, pending.eventId(), pending.target());
		WebhookEndpoint endpoint = (pending.target().endpointId() != null)
				? this.endpoints.find(namespace, pending.target().endpointId()).orElse(null) : null;
		return new Known(event, made, endpoint);
	}

}
