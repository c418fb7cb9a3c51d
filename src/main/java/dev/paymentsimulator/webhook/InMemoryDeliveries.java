package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.simulator.OnMemoryStore;

import org.springframework.stereotype.Repository;

/**
 * The delivery log and outbox in this process. Claiming takes a delivery out of the
 * outbox: nothing outlives the process here, so no claim can outlive its sender.
 */
@Repository
@OnMemoryStore
class InMemoryDeliveries implements Deliveries {

	private final ConcurrentMap<Namespace, Shelf> shelves = new ConcurrentHashMap<>();

	private final AtomicLong order = new AtomicLong();

	@Override
	public List<DeliveryAttempt> attempts(Namespace namespace, String eventId) {
		Shelf shelf = this.shelves.get(namespace);
		List<DeliveryAttempt> attempts = (shelf != null) ? shelf.attempts.get(eventId) : null;
		return (attempts != null) ? List.copyOf(attempts) : List.of();
	}

	@Override
	public void schedule(Namespace namespace, Instant dueAt, String eventId, Target target, int attempt) {
		shelf(namespace).owed.add(new Pending(this.order.incrementAndGet(), dueAt, eventId, target, attempt));
	}

	@Override
	public List<Pending> claimDue(Namespace namespace, Instant now, int max) {
		Shelf shelf = this.shelves.get(namespace);
		List<Pending> claimed = new ArrayList<>();
		if (shelf == null) {
			return claimed;
		}
		// the set's iterator never fails when another sender takes an entry meanwhile;
		// whoever removes an entry first has claimed it
		for (Pending pending : shelf.owed) {
			if (claimed.size() == max || pending.dueAt().isAfter(now)) {
				break;
			}
			if (shelf.owed.remove(pending)) {
				claimed.add(pending);
			}
		}
		return claimed;
	}

	@Override
	public void settle(Namespace namespace, Pending claimed, DeliveryAttempt attempt, Instant retryAt) {
		shelf(namespace).attempts.computeIfAbsent(attempt.eventId(), (id) -> new CopyOnWriteArrayList<>()).add(attempt);
		if (retryAt != null) {
			schedule(namespace, retryAt, claimed.eventId(), claimed.target(), claimed.attempt() + 1);
		}
	}

	@Override
	public void release(Namespace namespace, Pending claimed) {
		// claiming already took it out of the outbox
	}

	@Override
	public Set<Namespace> namespacesOwed() {
		Set<Namespace> owed = new HashSet<>();
		this.shelves.forEach((namespace, shelf) -> {
			if (!shelf.owed.isEmpty()) {
				owed.add(namespace);
			}
		});
		return owed;
	}

	@Override
	public long owed() {
		return this.shelves.values().stream().mapToLong((shelf) -> shelf.owed.size()).sum();
	}

	@Override
	public void dropEvents(Namespace namespace, Set<String> eventIds) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf != null) {
			shelf.attempts.keySet().removeAll(eventIds);
			shelf.owed.removeIf((pending) -> eventIds.contains(pending.eventId()));
		}
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Shelf shelf = this.shelves.remove(namespace);
		Map<String, Long> forgotten = new LinkedHashMap<>();
		forgotten.put("webhook_deliveries",
				(shelf != null) ? shelf.attempts.values().stream().mapToLong(List::size).sum() : 0L);
		forgotten.put("pending_retries", (shelf != null) ? (long) shelf.owed.size() : 0L);
		return forgotten;
	}

	private Shelf shelf(Namespace namespace) {
		return this.shelves.computeIfAbsent(namespace, (ns) -> new Shelf());
	}

	private static final class Shelf {

		final ConcurrentMap<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

		final ConcurrentSkipListSet<Pending> owed = new ConcurrentSkipListSet<>();

	}

}
