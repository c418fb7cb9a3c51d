package dev.paymentsimulator.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.paymentsimulator.account.Namespace;

/**
 * The one source of ids and random secrets. Without a seed it draws from a
 * {@link SecureRandom}, since client secrets must not be guessable; with a seed each
 * namespace draws from its own generator seeded by (seed, namespace), so the same
 * sequence of requests yields the same ids in every run.
 */
public class IdGenerator {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private static final int ID_LENGTH = 24;

	private final Long seed;

	private final Random secure = new SecureRandom();

	private final ConcurrentMap<Namespace, Random> seeded = new ConcurrentHashMap<>();

	public IdGenerator(Long seed) {
		this.seed = seed;
	}

	/** A new id such as {@code pay_3xYh…}. */
	public String newId(Namespace namespace, String prefix) {
		return prefix + randomString(namespace, ID_LENGTH);
	}

	public String randomString(Namespace namespace, int length) {
		Random random = randomFor(namespace);
		char[] chars = new char[length];
		synchronized (random) {
			for (int i = 0; i < length; i++) {
				chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
			}
		}
		return new String(chars);
	}

	public byte[] randomBytes(Namespace namespace, int length) {
		byte[] bytes = new byte[length];
		Random random = randomFor(namespace);
		synchronized (random) {
			random.nextBytes(bytes);
		}
		return bytes;
	}

	/**
	 * A key that lives as long as the process, for keyed hashes such as card
	 * fingerprints; derived from the seed when there is one.
	 */
	public byte[] instanceKey(String purpose) {
		if (this.seed == null) {
			byte[] key = new byte[32];
			this.secure.nextBytes(key);
			return key;
		}
		return sha256(this.seed + "/" + purpose);
	}

	private Random randomFor(Namespace namespace) {
		if (this.seed == null) {
			return this.secure;
		}
		return this.seeded.computeIfAbsent(namespace, (ns) -> new Random(this.seed * 31 + ns.name().hashCode()));
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
