package dev.paymentsimulator.event;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.payment.DroppedByRetention;
import dev.paymentsimulator.payment.PaymentEvent;
import dev.paymentsimulator.payment.PaymentsDropped;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records one event per payment state change, answers questions about them, and wakes
 * whoever waits for one.
 */
@Service
public class EventLog {

	/**
	 * Refunds an event's payment carries at most, the newest: without a bound, every
	 * refund event of a payment refunded a thousand times would carry all the ones before
	 * it.
	 */
	public static final int EMBEDDED_REFUNDS = 10;

	private final Events events;

	private final DroppedByRetention dropped;

	private final IdGenerator ids;

	private final EventRenderer renderer;

	private final ApplicationEventPublisher publisher;

	private final ConcurrentMap<Namespace, Set<Waiter>> waiters = new ConcurrentHashMap<>();

	EventLog(Events events, IdGenerator ids, EventRenderer renderer, ApplicationEventPublisher publisher,
			DroppedByRetention dropped) {
		this.dropped = dropped;
		this.events = events;
		this.ids = ids;
		this.renderer = renderer;
		this.publisher = publisher;
	}

	@EventListener
	void record(PaymentEvent change) {
		Namespace namespace = change.namespace();
		Event event = new Event(this.ids.newId(namespace, "evt_"), namespace, this.events.nextSequence(namespace),
				change.type().value(), change.payment().id(), change.payment().webhookUrl(), change.occurredAt(),
				change.payment().withNewestRefunds(EMBEDDED_REFUNDS), change.refund(), this.renderer);
		this.events.add(event);
		this.publisher.publishEvent(new EventRecorded(event));
	}

	/**
	 * Wakes the waiters on {@code events/wait} once the event is committed, so that what
	 * they fetch next is there; in memory, where no transaction is open, at once.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void wakeWaiters(EventRecorded recorded) {
		wake(recorded.event());
	}

	/** Retention dropped these payments: their events go with them. */
	@EventListener
	void onPaymentsDropped(PaymentsDropped dropped) {
		Set<String> eventIds = this.events.dropPayments(dropped.namespace(), dropped.paymentIds());
		this.dropped.remember(dropped.namespace(), eventIds);
		if (!eventIds.isEmpty()) {
			this.publisher.publishEvent(new EventsDropped(dropped.namespace(), eventIds));
		}
	}

	public Optional<Event> find(Namespace namespace, String id) {
		return this.events.find(namespace, id);
	}

	/**
	 * @throws dev.paymentsimulator.common.ApiException {@code resource_missing}, saying
	 * so when retention dropped it
	 */
	public Event get(Namespace namespace, String id) {
		return this.events.find(namespace, id).orElseThrow(() -> this.dropped.notFound(namespace, "event", id));
	}

	public Slice<Event> list(Namespace namespace, PageRequest page, String type, String paymentId) {
		return this.events.list(namespace, page, type, paymentId);
	}

	/**
	 * The newest event matching the filters, as soon as one exists: at once when one
	 * does, else when it is recorded; empty if none comes within the timeout.
	 */
	public CompletableFuture<Optional<Event>> await(Namespace namespace, String type, String paymentId,
			Duration timeout) {
		Waiter waiter = new Waiter(type, paymentId, new CompletableFuture<>());
		Set<Waiter> waiting = this.waiters.computeIfAbsent(namespace, (ns) -> ConcurrentHashMap.newKeySet());
		waiting.add(waiter);
		// registered first, then looked: an event recorded in between is not missed
		newest(namespace, type, paymentId).ifPresent(waiter.found::complete);
		return waiter.found.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((event, failure) -> waiting.remove(waiter))
			.thenApply(Optional::ofNullable);
	}

	/**
	 * Looks again for what waiters wait for: in a shared store the event may be recorded
	 * by another instance, which cannot wake them ({@link SharedStoreWaiters}).
	 */
	void lookAgainForWaiters() {
		this.waiters.forEach((namespace, waiting) -> {
			for (Waiter waiter : waiting) {
				newest(namespace, waiter.type(), waiter.paymentId()).ifPresent(waiter.found::complete);
			}
		});
	}

	private Optional<Event> newest(Namespace namespace, String type, String paymentId) {
		return this.events.list(namespace, PageRequest.of(1, null), type, paymentId).items().stream().findFirst();
	}

	private void wake(Event event) {
		Set<Waiter> waiting = this.waiters.get(event.namespace());
		if (waiting != null) {
			for (Waiter waiter : waiting) {
				if (waiter.matches(event)) {
					waiter.found.complete(event);
				}
			}
		}
	}

	private record Waiter(String type, String paymentId, CompletableFuture<Event> found) {

		boolean matches(Event event) {
			return (this.type == null || this.type.equals(event.type()))
					&& (this.paymentId == null || this.paymentId.equals(event.paymentId()));
		}

	}

}
