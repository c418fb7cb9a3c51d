package dev.paymentsimulator.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.store.OnMemoryStore;

import org.springframework.stereotype.Component;

/**
 * Answers kept in this process, weighed in bytes: one Caffeine cache per namespace, each
 * with an equal share of {@code max-bytes}, so that one namespace's traffic evicts only
 * its own answers. Each cache reads its namespace's simulated clock, so an answer expires
 * when that clock passes its time, moved by traffic or by an advance. A key is claimed
 * with a marker before its request runs; the marker weighs nothing and never expires, so
 * neither eviction nor expiry can drop a key that is still running and let its request
 * run twice.
 */
@Component
@OnMemoryStore
class InMemoryIdempotencyStore implements IdempotencyStore {

	/** What an answer costs beyond its body: key, fingerprint, headers, cache entry. */
	private static final int ENTRY_BYTES = 400;

	/**
	 * Nanoseconds are counted from here, so a clock centuries ahead still fits a long.
	 */
	private static final Instant TICKS_FROM = Instant.parse("2000-01-01T00:00:00Z");

	private final IdempotencyProperties properties;

	private final SimulatorClock clock;

	private final ConcurrentMap<Namespace, Cache<String, Entry>> shelves = new ConcurrentHashMap<>();

	/** The least an answer weighs, so that the budget also bounds the count. */
	private final int leastWeight;

	InMemoryIdempotencyStore(IdempotencyProperties properties, SimulatorClock clock) {
		this.properties = properties;
		this.clock = clock;
		this.leastWeight = (int) Math.max(1, properties.maxBytes().toBytes() / properties.maxKeys());
	}

	@Override
	public Entry claim(Key key, Running claim, Instant now) {
		Entry[] holder = new Entry[1];
		shelf(key.namespace()).asMap().compute(key.key(), (k, existing) -> {
			if (existing == null || (existing instanceof Answer answer && !now.isBefore(answer.expiresAt()))) {
				return claim;
			}
			holder[0] = existing;
			return existing;
		});
		return holder[0];
	}

	@Override
	public void complete(Key key, Running claim, int status, String contentType, String location, byte[] body,
			Instant now) {
		Answer answer = new Answer(claim.fingerprint(), status, contentType, location, body,
				now.plus(this.properties.ttl()));
		// none when the namespace was reset while the request ran: nothing to keep
		Cache<String, Entry> shelf = this.shelves.get(key.namespace());
		if (shelf != null) {
			shelf.asMap().replace(key.key(), claim, answer);
		}
	}

	@Override
	public void release(Key key, Running claim) {
		Cache<String, Entry> shelf = this.shelves.get(key.namespace());
		if (shelf != null) {
			shelf.asMap().remove(key.key(), claim);
		}
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		Cache<String, Entry> shelf = this.shelves.remove(namespace);
		long forgotten = (shelf != null) ? shelf.asMap().size() : 0;
		share();
		return Map.of("idempotency_keys", forgotten);
	}

	private Cache<String, Entry> shelf(Namespace namespace) {
		Cache<String, Entry> shelf = this.shelves.get(namespace);
		if (shelf != null) {
			return shelf;
		}
		shelf = this.shelves.computeIfAbsent(namespace, this::newShelf);
		share();
		return shelf;
	}

	private Cache<String, Entry> newShelf(Namespace namespace) {
		return Caffeine.newBuilder()
			.maximumWeight(this.properties.maxBytes().toBytes())
			.weigher((String key, Entry entry) -> (entry instanceof Answer answer)
					? Math.max(this.leastWeight, ENTRY_BYTES + key.length() * 2 + answer.body().length) : 0)
			.ticker(() -> ticks(this.clock.now(namespace)))
			.expireAfter(new UntilAnswerExpires())
			.build();
	}

	/** Gives every namespace with answers an equal share of the budget. */
	private void share() {
		int namespaces = this.shelves.size();
		if (namespaces == 0) {
			return;
		}
		long each = this.properties.maxBytes().toBytes() / namespaces;
		this.shelves.values()
			.forEach((shelf) -> shelf.policy().eviction().ifPresent((eviction) -> eviction.setMaximum(each)));
	}

	private static long ticks(Instant now) {
		try {
			return Duration.between(TICKS_FROM, now).toNanos();
		}
		catch (ArithmeticException beyond) {
			return Long.MAX_VALUE;
		}
	}

	/** An answer lives until its expiry on the clock; a running claim until it ends. */
	private static final class UntilAnswerExpires implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return (entry instanceof Answer answer) ? Math.max(0, ticks(answer.expiresAt()) - currentTime)
					: Long.MAX_VALUE;
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return expireAfterCreate(key, entry, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
