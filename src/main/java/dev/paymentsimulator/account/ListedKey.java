package dev.paymentsimulator.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret key of the allow-list and the publishable key derived from it. The publishable
 * key carries the namespace's name and a one-way hash of the secret, so holding it (every
 * checkout link does) tells nothing of the secret.
 */
record ListedKey(Namespace namespace, byte[] secret, byte[] publishable) {

	private static final Pattern FORMAT = Pattern.compile("sk_test_([A-Za-z0-9_.-]{1,64})_([A-Za-z0-9]{16,128})");

	static Optional<ListedKey> parse(String secret) {
		Matcher matcher = FORMAT.matcher(secret);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String publishable = "pk_test_" + matcher.group(1) + "_" + HexFormat.of().formatHex(sha256(secret), 0, 16);
		return Optional.of(new ListedKey(new Namespace(matcher.group(1)), secret.getBytes(StandardCharsets.UTF_8),
				publishable.getBytes(StandardCharsets.UTF_8)));
	}

	String publishableKey() {
		return new String(this.publishable, StandardCharsets.UTF_8);
	}

	private static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(("publishable:" + secret).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "ListedKey[namespace=" + this.namespace + "]";
	}

}
