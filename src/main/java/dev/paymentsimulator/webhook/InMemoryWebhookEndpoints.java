package dev.paymentsimulator.webhook;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.Slice;
import dev.paymentsimulator.store.OnMemoryStore;
import dev.paymentsimulator.store.Shelves;

import org.springframework.stereotype.Repository;

@Repository
@OnMemoryStore
class InMemoryWebhookEndpoints implements WebhookEndpoints {

	private final Shelves<Shelf> shelves = new Shelves<>(Shelf::new);

	@Override
	public long nextSequence(Namespace namespace) {
		return this.shelves.of(namespace).sequence.incrementAndGet();
	}

	@Override
	public boolean add(WebhookEndpoint endpoint, int limit) {
		Shelf shelf = this.shelves.of(endpoint.namespace());
		synchronized (shelf) {
			if (shelf.endpoints.size() >= limit) {
				return false;
			}
			shelf.endpoints.put(endpoint.id(), endpoint);
			shelf.ids.put(endpoint.sequence(), endpoint.id());
			return true;
		}
	}

	@Override
	public Optional<WebhookEndpoint> find(Namespace namespace, String id) {
		return this.shelves.find(namespace, (shelf) -> shelf.endpoints.get(id));
	}

	@Override
	public WebhookEndpoint update(Namespace namespace, String id, UnaryOperator<WebhookEndpoint> change) {
		return this.shelves.update(namespace, "webhook endpoint", id, (shelf) -> shelf.endpoints,
				(shelf, current) -> change.apply(current));
	}

	@Override
	public boolean delete(Namespace namespace, String id) {
		Shelf shelf = this.shelves.get(namespace);
		WebhookEndpoint removed = (shelf != null) ? shelf.endpoints.remove(id) : null;
		if (removed != null) {
			shelf.ids.remove(removed.sequence());
		}
		return removed != null;
	}

	@Override
	public Slice<WebhookEndpoint> list(Namespace namespace, PageRequest page) {
		Long after = page.after((id) -> find(namespace, id), WebhookEndpoint::sequence);
		return this.shelves.read(namespace,
				(shelf) -> Slice.olderThan(shelf.ids, after, shelf.endpoints::get, (endpoint) -> true, page.limit()),
				Slice.empty());
	}

	@Override
	public List<WebhookEndpoint> all(Namespace namespace) {
		Shelf shelf = this.shelves.get(namespace);
		return (shelf != null) ? List.copyOf(shelf.endpoints.values()) : List.of();
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Shelf shelf = this.shelves.remove(namespace);
		return Map.of("webhook_endpoints", (shelf != null) ? (long) shelf.endpoints.size() : 0L);
	}

	private static final class Shelf {

		final AtomicLong sequence = new AtomicLong();

		final ConcurrentMap<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();

		final NavigableMap<Long, String> ids = new ConcurrentSkipListMap<>();

	}

}
