package dev.paymentsimulator.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.ClockAdvanced;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.event.EventRecorded;
import dev.paymentsimulator.event.EventsDropped;
import dev.paymentsimulator.webhook.Deliveries.Target;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides what is owed to whom, and when to look. Recording an event puts its deliveries
 * in the outbox, in the same transaction as the change; once that commits the
 * {@link OutboxPump} sends them, signed per Standard Webhooks, off the request thread. A
 * failed attempt is owed again on the namespace's simulated clock; nothing is dropped.
 * Any instance sharing the store may send what is owed.
 */
@Component
class WebhookDispatcher implements SmartLifecycle, DisposableBean {

	private final WebhookProperties properties;

	private final WebhookEndpoints endpoints;

	private final Deliveries deliveries;

	private final SimulatorClock clock;

	private final ApplicationEventPublisher publisher;

	private final OutboxPump pump;

	private volatile boolean running;

	WebhookDispatcher(WebhookProperties properties, WebhookEndpoints endpoints, Deliveries deliveries,
			WebhookSecrets secrets, EventLog events, SimulatorClock clock, Clock realClock, IdGenerator ids,
			ApplicationEventPublisher publisher, MeterRegistry registry) {
		this.properties = properties;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.clock = clock;
		this.publisher = publisher;
		DeliveryRecorder recorder = new DeliveryRecorder(deliveries, endpoints,
				new RetrySchedule(properties, ids, realClock), clock, ids, registry, publisher);
		this.pump = new OutboxPump(properties, deliveries,
				new SignedRequests(deliveries, endpoints, secrets, events, clock, realClock), clock,
				new WebhookSender(properties), recorder, registry);
	}

	/**
	 * Owes the event to each of its receivers; runs inside the change's transaction, and
	 * sending starts, off the request thread, once it commits.
	 */
	@EventListener
	void onEventRecorded(EventRecorded recorded) {
		Event event = recorded.event();
		List<Target> targets = targets(event);
		for (Target target : targets) {
			this.deliveries.schedule(event.namespace(), event.created(), event.id(), target, 1);
		}
		if (!targets.isEmpty()) {
			this.publisher.publishEvent(new DeliveriesOwed(event.namespace()));
		}
	}

	/** Sending starts once what is owed is committed; at once without a transaction. */
	@TransactionalEventListener(fallbackExecution = true)
	void onDeliveriesOwed(DeliveriesOwed owed) {
		this.pump.pump();
	}

	/** Sends the event once more, now, to every receiver it goes to. */
	void redeliver(Event event) {
		Namespace namespace = event.namespace();
		List<DeliveryAttempt> attempts = this.deliveries.attempts(namespace, event.id());
		Instant now = this.clock.now(namespace);
		for (Target target : targets(event)) {
			this.deliveries.schedule(namespace, now, event.id(), target, target.attemptsIn(attempts) + 1);
		}
		this.pump.pump();
	}

	@EventListener
	void onEventsDropped(EventsDropped dropped) {
		this.deliveries.dropEvents(dropped.namespace(), dropped.eventIds());
	}

	@EventListener
	void onClockAdvanced(ClockAdvanced advanced) {
		this.pump.pump();
	}

	/**
	 * Looks each second for deliveries owed: retries that a clock following real time
	 * made due, claims whose sender died, and, in a shared store, deliveries another
	 * instance owed and could not send.
	 */
	@Scheduled(fixedDelay = 1000)
	void sendOwedEverywhere() {
		this.pump.pump();
	}

	private List<Target> targets(Event event) {
		List<Target> targets = new ArrayList<>();
		for (WebhookEndpoint endpoint : this.endpoints.all(event.namespace())) {
			if (endpoint.accepts(event.type())) {
				targets.add(new Target(endpoint.url(), endpoint.id()));
			}
		}
		if (event.webhookUrl() != null) {
			targets.add(new Target(event.webhookUrl(), null));
		}
		return targets;
	}

	@Override
	public void start() {
		this.running = true;
		this.pump.resume();
	}

	/**
	 * On shutdown, lets attempts already under way finish (each is bounded by its
	 * deadline) before the process exits. The threads live on until {@link #destroy()}: a
	 * stopped context may be started again.
	 */
	@Override
	public void stop() {
		this.running = false;
		try {
			this.pump.stop(System.nanoTime() + this.properties.timeout().plusSeconds(1).toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void destroy() {
		this.pump.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the web server, which stops taking requests first. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
