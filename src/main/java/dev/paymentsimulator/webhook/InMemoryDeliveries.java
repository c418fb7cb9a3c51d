package dev.paymentsimulator.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.CompactMap;
import dev.paymentsimulator.event.Event;
import dev.paymentsimulator.event.EventLog;
import dev.paymentsimulator.store.OnMemoryStore;
import dev.paymentsimulator.store.Shelves;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * The delivery log and outbox in this process. The outbox keeps one queue per target, so
 * a target at its cap is passed over without walking its backlog. A claim is a lease on
 * real time, as on PostgreSQL: a delivery whose attempt never settles is owed again once
 * the lease runs out. Attempts are kept without their body: every attempt of an event
 * sent the event's JSON, which renders to the same bytes each time, so the log renders it
 * again when read instead of keeping a copy per attempt (most of an attempt's heap).
 */
@Repository
@OnMemoryStore
class InMemoryDeliveries implements Deliveries {

	private final Shelves<Shelf> shelves = new Shelves<>(Shelf::new);

	private final AtomicLong order = new AtomicLong();

	private final Clock realClock;

	private final Duration lease;

	private final BiFunction<Namespace, String, Optional<Event>> events;

	@Autowired
	InMemoryDeliveries(Clock realClock, WebhookProperties properties, EventLog events) {
		this(realClock, properties.lease(), events::find);
	}

	InMemoryDeliveries(Clock realClock, Duration lease, BiFunction<Namespace, String, Optional<Event>> events) {
		this.realClock = realClock;
		this.lease = lease;
		this.events = events;
	}

	@Override
	public List<DeliveryAttempt> attempts(Namespace namespace, String eventId) {
		List<DeliveryAttempt> kept = keptFor(namespace, eventId);
		if (kept.isEmpty()) {
			return List.of();
		}
		// an event is dropped a moment before its log: the log goes with it
		Optional<Event> event = this.events.apply(namespace, eventId);
		if (event.isEmpty()) {
			return List.of();
		}
		String body = event.get().json();
		return kept.stream().map((attempt) -> withBody(attempt, body)).toList();
	}

	/** Counts the kept attempts, without rendering the body they sent. */
	@Override
	public int attemptsMade(Namespace namespace, String eventId, Target target) {
		return target.attemptsIn(keptFor(namespace, eventId));
	}

	private List<DeliveryAttempt> keptFor(Namespace namespace, String eventId) {
		Shelf shelf = this.shelves.get(namespace);
		List<DeliveryAttempt> kept = (shelf != null) ? shelf.attempts.get(eventId) : null;
		return (kept != null) ? kept : List.of();
	}

	@Override
	public void schedule(Namespace namespace, Instant dueAt, String eventId, Target target, int attempt) {
		this.shelves.of(namespace)
			.owe(new Pending(this.order.incrementAndGet(), namespace, dueAt, eventId, target, attempt));
	}

	@Override
	public List<Pending> claimDue(SimulatorClock clock, int max, Set<String> full) {
		List<Pending> claimed = new ArrayList<>();
		Instant realNow = this.realClock.instant();
		this.shelves.forEach((namespace, shelf) -> {
			shelf.oweLapsed(realNow);
			if (claimed.size() < max && shelf.isOwing()) {
				shelf.claim(clock.now(namespace), max, full, realNow.plus(this.lease), claimed);
			}
		});
		claimed.sort(null);
		return claimed;
	}

	@Override
	public void unclaim(Namespace namespace, Pending claimed) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf != null && shelf.leased.remove(claimed.id()) != null) {
			shelf.owe(claimed);
		}
	}

	@Override
	public void settle(Namespace namespace, Pending claimed, DeliveryAttempt attempt, Instant retryAt) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf == null || shelf.leased.remove(claimed.id()) == null) {
			// the namespace was reset while the attempt ran, or the claim lapsed and
			// another sender owes it now: this attempt is not ours to record
			return;
		}
		shelf.attempts.computeIfAbsent(attempt.eventId(), (id) -> new CopyOnWriteArrayList<>()).add(kept(attempt));
		if (retryAt != null) {
			schedule(namespace, retryAt, claimed.eventId(), claimed.target(), claimed.attempt() + 1);
		}
	}

	@Override
	public void release(Namespace namespace, Pending claimed) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf != null) {
			shelf.leased.remove(claimed.id());
		}
	}

	@Override
	public long owed() {
		return this.shelves.all().stream().mapToLong(Shelf::owedCount).sum();
	}

	@Override
	public void dropEvents(Namespace namespace, Set<String> eventIds) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf != null) {
			shelf.attempts.keySet().removeAll(eventIds);
			shelf.owed.values().forEach((queue) -> queue.removeIf((pending) -> eventIds.contains(pending.eventId())));
			shelf.leased.values().removeIf((lease) -> eventIds.contains(lease.pending().eventId()));
		}
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Shelf shelf = this.shelves.remove(namespace);
		Map<String, Long> forgotten = new LinkedHashMap<>();
		forgotten.put("webhook_deliveries",
				(shelf != null) ? shelf.attempts.values().stream().mapToLong(List::size).sum() : 0L);
		forgotten.put("pending_retries", (shelf != null) ? shelf.owedCount() : 0L);
		return forgotten;
	}

	/** The attempt as the log keeps it: no body, and its headers in compact maps. */
	private static DeliveryAttempt kept(DeliveryAttempt attempt) {
		return copy(attempt, "", CompactMap.copyOf(attempt.requestHeaders()),
				(attempt.responseHeaders() != null) ? CompactMap.copyOf(attempt.responseHeaders()) : null);
	}

	private static DeliveryAttempt withBody(DeliveryAttempt attempt, String body) {
		return copy(attempt, body, attempt.requestHeaders(), attempt.responseHeaders());
	}

	private static DeliveryAttempt copy(DeliveryAttempt attempt, String body, Map<String, String> requestHeaders,
			Map<String, String> responseHeaders) {
		return new DeliveryAttempt(attempt.id(), attempt.eventId(), attempt.endpointId(), attempt.url(),
				attempt.attempt(), attempt.statusCode(), attempt.error(), attempt.durationMs(), attempt.nextAttemptAt(),
				attempt.created(), body, requestHeaders, responseHeaders, attempt.responseBody());
	}

	private record Lease(Pending pending, Instant until) {
	}

	private static final class Shelf {

		final ConcurrentMap<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

		/** Owed deliveries, one queue per target key, each in due order. */
		final ConcurrentMap<String, ConcurrentSkipListSet<Pending>> owed = new ConcurrentHashMap<>();

		final ConcurrentMap<Long, Lease> leased = new ConcurrentHashMap<>();

		void owe(Pending pending) {
			this.owed.computeIfAbsent(pending.target().key(), (key) -> new ConcurrentSkipListSet<>()).add(pending);
		}

		/** Claims due deliveries into {@code claimed}, until it holds {@code max}. */
		void claim(Instant now, int max, Set<String> full, Instant leaseUntil, List<Pending> claimed) {
			for (Map.Entry<String, ConcurrentSkipListSet<Pending>> queue : this.owed.entrySet()) {
				if (full.contains(queue.getKey())) {
					continue;
				}
				// the set's iterator never fails when another sender takes an entry
				// meanwhile; whoever removes an entry first has claimed it
				for (Pending pending : queue.getValue()) {
					if (claimed.size() == max || pending.dueAt().isAfter(now)) {
						break;
					}
					if (queue.getValue().remove(pending)) {
						this.leased.put(pending.id(), new Lease(pending, leaseUntil));
						claimed.add(pending);
					}
				}
			}
		}

		/** Deliveries whose sender never settled them are owed again. */
		void oweLapsed(Instant now) {
			for (Lease lease : this.leased.values()) {
				if (lease.until().isBefore(now) && this.leased.remove(lease.pending().id(), lease)) {
					owe(lease.pending());
				}
			}
		}

		boolean isOwing() {
			return !this.leased.isEmpty() || this.owed.values().stream().anyMatch((queue) -> !queue.isEmpty());
		}

		long owedCount() {
			return this.owed.values().stream().mapToLong(ConcurrentSkipListSet::size).sum() + this.leased.size();
		}

	}

}
