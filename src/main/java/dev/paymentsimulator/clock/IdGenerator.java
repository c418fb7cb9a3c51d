package dev.paymentsimulator.clock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.paymentsimulator.account.Namespace;

/**
 * The one source of ids and random secrets. Without a seed it draws from a
 * {@link SecureRandom}, since client secrets and webhook secrets must not be guessable:
 * one per thread, since a shared one serializes every request on its lock. With a seed,
 * each (namespace, stream) draws from its own generator seeded by (seed, namespace,
 * stream): the same sequence of requests yields the same ids in every run, and work done
 * in the background (webhook attempts, retry jitter) draws from streams of its own, so it
 * never shifts the ids that requests see.
 */
public class IdGenerator {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private static final int ID_LENGTH = 24;

	private final Long seed;

	private final ThreadLocal<SecureRandom> secure = ThreadLocal.withInitial(IdGenerator::newSecureRandom);

	private final ConcurrentMap<Stream, Random> seeded = new ConcurrentHashMap<>();

	private final SharedValues shared;

	public IdGenerator(Long seed, SharedValues shared) {
		this.seed = seed;
		this.shared = shared;
	}

	private record Stream(Namespace namespace, String name) {
	}

	/** A new id such as {@code pay_3xYh…}; each prefix is its own stream. */
	public String newId(Namespace namespace, String prefix) {
		return prefix + randomString(namespace, prefix, ID_LENGTH);
	}

	public String randomString(Namespace namespace, String stream, int length) {
		char[] chars = new char[length];
		if (this.seed == null) {
			byte[] bytes = new byte[length];
			this.secure.get().nextBytes(bytes);
			for (int i = 0; i < length; i++) {
				chars[i] = ALPHABET[(bytes[i] & 0xFF) % ALPHABET.length];
			}
			return new String(chars);
		}
		Random random = randomFor(namespace, stream);
		synchronized (random) {
			for (int i = 0; i < length; i++) {
				chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
			}
		}
		return new String(chars);
	}

	public byte[] randomBytes(Namespace namespace, String stream, int length) {
		byte[] bytes = new byte[length];
		Random random = randomFor(namespace, stream);
		synchronized (random) {
			random.nextBytes(bytes);
		}
		return bytes;
	}

	/** A number in [0, 1), for jitter. */
	public double randomFraction(Namespace namespace, String stream) {
		Random random = randomFor(namespace, stream);
		synchronized (random) {
			return random.nextDouble();
		}
	}

	/**
	 * A key that lives as long as the store, for keyed hashes such as card fingerprints,
	 * so every instance sharing the store computes the same ones; derived from the seed
	 * when there is one.
	 */
	public byte[] instanceKey(String purpose) {
		if (this.seed == null) {
			return Base64.getDecoder().decode(this.shared.remember("key/" + purpose, () -> {
				byte[] key = new byte[32];
				this.secure.get().nextBytes(key);
				return Base64.getEncoder().encodeToString(key);
			}));
		}
		return sha256(this.seed + "/" + purpose);
	}

	/** Starts the namespace's streams over, as after a reset. */
	public void restart(Namespace namespace) {
		this.seeded.keySet().removeIf((stream) -> stream.namespace().equals(namespace));
	}

	private Random randomFor(Namespace namespace, String stream) {
		if (this.seed == null) {
			return this.secure.get();
		}
		return this.seeded
			.computeIfAbsent(new Stream(namespace, stream),
					(key) -> new Random(java.nio.ByteBuffer
						.wrap(sha256(this.seed + "/" + key.namespace().name() + "/" + key.name()))
						.getLong()));
	}

	/**
	 * A DRBG of the thread's own: the default {@code NativePRNG} funnels every instance
	 * through one lock on the system's random device.
	 */
	private static SecureRandom newSecureRandom() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK from 9 on has DRBG", ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
