package dev.paymentsimulator.event;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.OnMemoryStore;
import dev.paymentsimulator.store.Shelves;

import org.springframework.stereotype.Repository;

@Repository
@OnMemoryStore
class InMemoryEvents implements Events {

	private final Shelves<Shelf> shelves = new Shelves<>(Shelf::new);

	@Override
	public long nextSequence(Namespace namespace) {
		return this.shelves.of(namespace).sequence.incrementAndGet();
	}

	@Override
	public void add(Event event) {
		Shelf shelf = this.shelves.of(event.namespace());
		shelf.events.put(event.id(), event);
		shelf.bySequence.put(event.sequence(), event);
		shelf.byPayment.computeIfAbsent(event.paymentId(), (id) -> new CopyOnWriteArrayList<>()).add(event);
	}

	@Override
	public Set<String> dropPayments(Namespace namespace, Collection<String> paymentIds) {
		Shelf shelf = this.shelves.get(namespace);
		Set<String> dropped = new HashSet<>();
		if (shelf != null) {
			for (String paymentId : paymentIds) {
				List<Event> events = shelf.byPayment.remove(paymentId);
				for (Event event : (events != null) ? events : List.<Event>of()) {
					shelf.events.remove(event.id());
					shelf.bySequence.remove(event.sequence());
					dropped.add(event.id());
				}
			}
		}
		return dropped;
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Shelf shelf = this.shelves.remove(namespace);
		return Map.of("events", (shelf != null) ? (long) shelf.events.size() : 0L);
	}

	@Override
	public Optional<Event> find(Namespace namespace, String id) {
		return this.shelves.find(namespace, (shelf) -> shelf.events.get(id));
	}

	@Override
	public Slice<Event> list(Namespace namespace, PageRequest page, String type, String paymentId) {
		Long after = page.after((id) -> find(namespace, id), Event::sequence);
		return this.shelves.read(namespace,
				(shelf) -> Slice.olderThan(shelf.bySequence, after, (event) -> event,
						(event) -> (type == null || type.equals(event.type()))
								&& (paymentId == null || paymentId.equals(event.paymentId())),
						page.limit()),
				Slice.empty());
	}

	private static final class Shelf {

		final AtomicLong sequence = new AtomicLong();

		final ConcurrentMap<String, Event> events = new ConcurrentHashMap<>();

		final NavigableMap<Long, Event> bySequence = new ConcurrentSkipListMap<>();

		final ConcurrentMap<String, List<Event>> byPayment = new ConcurrentHashMap<>();

	}

}
