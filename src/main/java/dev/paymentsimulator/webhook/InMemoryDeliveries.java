package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.List;
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

	private Shelf shelf(Namespace namespace) {
		return this.shelves.computeIfAbsent(namespace, (ns) -> new Shelf());
	}

	private static final class Shelf {

		final ConcurrentMap<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

		final ConcurrentSkipListSet<PendingRetry> retries = new ConcurrentSkipListSet<>();

	}

}
