package dev.paymentsimulator.idempotency;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.simulator.NamespaceData;

import org.springframework.stereotype.Component;

/**
 * Answers kept by (namespace, key) in a bounded Caffeine cache. A key is claimed with a
 * marker before its request runs; the marker weighs nothing, so size-based eviction can
 * never drop a key that is still running and let its request run twice.
 */
@Component
class IdempotencyStore implements NamespaceData {

	private final IdempotencyProperties properties;

	private final Cache<Key, Entry> entries;

	IdempotencyStore(IdempotencyProperties properties) {
		this.properties = properties;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(properties.maxKeys())
			.weigher((Key key, Entry entry) -> (entry instanceof Answer) ? 1 : 0)
			.build();
	}

	record Key(Namespace namespace, String key) {
	}

	/** What a request is: method, path and the SHA-256 of its body. */
	record Fingerprint(String method, String path, byte[] bodyHash) {

		boolean sameRequest(Fingerprint other) {
			return this.method.equals(other.method) && this.path.equals(other.path)
					&& Arrays.equals(this.bodyHash, other.bodyHash);
		}

	}

	sealed interface Entry {

		Fingerprint fingerprint();

	}

	/** The key's request is running now. */
	record Running(Fingerprint fingerprint) implements Entry {
	}

	/** The complete answer the key's request gave, kept until {@code expiresAt}. */
	record Answer(Fingerprint fingerprint, int status, String contentType, String location, byte[] body,
			Instant expiresAt) implements Entry {
	}

	/**
	 * Claims the key for a request, or tells what holds it already. Atomic, and never
	 * waits for another request to finish.
	 * @return {@code null} when the caller now holds the key under {@code claim}, else
	 * the entry that holds it
	 */
	Entry claim(Key key, Running claim, Instant now) {
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

	void complete(Key key, Running claim, int status, String contentType, String location, byte[] body, Instant now) {
		Answer answer = new Answer(claim.fingerprint(), status, contentType, location, body,
				now.plus(this.properties.ttl()));
		this.entries.asMap().replace(key, claim, answer);
	}

	/** Frees the key, so the client may retry it once the request is fixed. */
	void release(Key key, Running claim) {
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
