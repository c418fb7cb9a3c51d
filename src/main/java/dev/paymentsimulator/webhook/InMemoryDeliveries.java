package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.paymentsimulator.account.Namespace;

import org.springframework.stereotype.Repository;

@Repository
class InMemoryDeliveries implements Deliveries {

	private final ConcurrentMap<Namespace, Shelf> shelves = new ConcurrentHashMap<>();

	@Override
	public void record(Namespace namespace, DeliveryAttempt attempt) {
		shelf(namespace).attempts.computeIfAbsent(attempt.eventId(), (id) -> new CopyOnWriteArrayList<>()).add(attempt);
	}

	@Override
	public List<DeliveryAttempt> attempts(Namespace namespace, String eventId) {
		Shelf shelf = this.shelves.get(namespace);
		List<DeliveryAttempt> attempts = (shelf != null) ? shelf.attempts.get(eventId) : null;
		return (attempts != null) ? List.copyOf(attempts) : List.of();
	}

	@Override
	public void schedule(Namespace namespace, PendingRetry retry) {
		shelf(namespace).retries.add(retry);
	}

	@Override
	public Optional<PendingRetry> takeDue(Namespace namespace, Instant now) {
		Shelf shelf = this.shelves.get(namespace);
		while (shelf != null && !shelf.retries.isEmpty()) {
			PendingRetry first = shelf.retries.first();
			if (first.dueAt().isAfter(now)) {
				return Optional.empty();
			}
			if (shelf.retries.remove(first)) {
				return Optional.of(first);
			}
		}
		return Optional.empty();
	}

	@Override
	public Set<Namespace> namespaces() {
		return Set.copyOf(this.shelves.keySet());
	}

	@Override
	public long pendingRetries() {
		return this.shelves.values().stream().mapToLong((shelf) -> shelf.retries.size()).sum();
	}

	@Override
	public void dropEvents(Namespace namespace, Set<String> eventIds) {
		Shelf shelf = this.shelves.get(namespace);
		if (shelf != null) {
			shelf.attempts.keySet().removeAll(eventIds);
			shelf.retries.removeIf((retry) -> eventIds.contains(retry.eventId()));
		}
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Shelf shelf = this.shelves.remove(namespace);
		Map<String, Long> forgotten = new LinkedHashMap<>();
		forgotten.put("webhook_deliveries",
				(shelf != null) ? shelf.attempts.values().stream().mapToLong(List::size).sum() : 0L);
		forgotten.put("pending_retries", (shelf != null) ? (long) shelf.retries.size() : 0L);
		return forgotten;
	}

	private Shelf shelf(Namespace namespace) {
		return this.shelves.computeIfAbsent(namespace, (ns) -> new Shelf());
	}

	private static final class Shelf {

		final ConcurrentMap<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

		final ConcurrentSkipListSet<PendingRetry> retries = new ConcurrentSkipListSet<>();

	}

}
