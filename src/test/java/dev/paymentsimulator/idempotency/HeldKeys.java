package dev.paymentsimulator.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import dev.paymentsimulator.account.Namespace;

import org.springframework.context.ApplicationContext;

/**
 * Holds an {@code Idempotency-Key} as a request that is still running would, so that
 * tests outside this package can meet {@code idempotency_key_in_use} without a race.
 */
public final class HeldKeys {

	private HeldKeys() {
	}

	/**
	 * Claims the key for a secret-key request with this method, path and body, until the
	 * answer is closed.
	 */
	public static AutoCloseable hold(ApplicationContext context, String namespace, String key, String method,
			String path, String body) {
		return hold(context.getBean(IdempotencyStore.class), namespace, key, method, path, body);
	}

	static AutoCloseable hold(IdempotencyStore store, String namespace, String key, String method, String path,
			String body) {
		IdempotencyStore.Key storeKey = new IdempotencyStore.Key(new Namespace(namespace), key);
		IdempotencyStore.Running running = new IdempotencyStore.Running(
				new IdempotencyStore.Fingerprint(method, path, sha256((body != null) ? body : "")), "held-by-test");
		if (store.claim(storeKey, running, Instant.EPOCH) != null) {
			throw new IllegalStateException("Key " + key + " is already taken");
		}
		return () -> store.release(storeKey, running);
	}

	private static byte[] sha256(String body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
