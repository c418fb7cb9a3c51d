package dev.paymentsimulator.idempotency;

import java.time.Instant;
import java.util.Arrays;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.store.NamespaceData;

/**
 * Answers kept by (namespace, key). A key is claimed before its request runs, atomically
 * over every instance sharing the store, so one key runs once.
 */
interface IdempotencyStore extends NamespaceData {

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

	/**
	 * The key's request is running now.
	 *
	 * @param token tells this claim from a later one on the same key
	 */
	record Running(Fingerprint fingerprint, String token) implements Entry {
	}

	/** The complete answer the key's request gave, kept until {@code expiresAt}. */
	record Answer(Fingerprint fingerprint, int status, String contentType, String location, byte[] body,
			Instant expiresAt) implements Entry {
	}

	/**
	 * Claims the key for a request, or tells what holds it already. Atomic, and never
	 * waits for another request to finish. An answer that expired by {@code now} no
	 * longer holds its key.
	 * @return {@code null} when the caller now holds the key under {@code claim}, else
	 * the entry that holds it
	 */
	Entry claim(Key key, Running claim, Instant now);

	/** Keeps the answer of the request that holds the key under {@code claim}. */
	void complete(Key key, Running claim, int status, String contentType, String location, byte[] body, Instant now);

	/** Frees the key, so the client may retry it once the request is fixed. */
	void release(Key key, Running claim);

}
