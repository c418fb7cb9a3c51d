package dev.paymentsimulator.idempotency;

import java.time.Instant;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.simulator.OnMemoryStore;

import org.springframework.stereotype.Component;

/**
 * Answers kept in this process, in a bounded Caffeine cache. A key is claimed with a
 * marker before its request runs; the marker weighs nothing, so size-based eviction can
 * never drop a key that is still running and let its request run twice.
 */
@Component
@OnMemoryStore
class InMemoryIdempotencyStore implements IdempotencyStore {

	private final IdempotencyProperties properties;

	private final Cache<Key, Entry> entries;

	InMemoryIdempotencyStore(IdempotencyProperties properties) {
		this.properties = properties;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(properties.maxKeys())
			.weigher((Key key, Entry entry) -> (entry instanceof Answer) ? 1 : 0)
			.build();
	}

	@Override
	public Entry claim(Key key, Running claim, Instant now) {
		Entry[] holder = new Entry[1];
		this.entries.asMap().compute(key, (k, existing) -> {
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
		this.entries.asMap().replace(key, claim, answer);
	}

	@Override
	public void release(Key key, Running claim) {
		this.entries.asMap().remove(key, claim);
	}

	@Override
	public Map<String, Long> forget(Namespace namespace) {
		long[] forgotten = new long[1];
		this.entries.asMap().keySet().removeIf((key) -> {
			boolean ours = key.namespace().equals(namespace);
			forgotten[0] += ours ? 1 : 0;
			return ours;
		});
		return Map.of("idempotency_keys", forgotten[0]);
	}

}
