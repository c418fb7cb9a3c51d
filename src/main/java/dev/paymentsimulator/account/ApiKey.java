package dev.paymentsimulator.account;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key as a client sends it when no allow-list is set: {@code sk_test_<name>} acts on
 * namespace {@code <name>}; {@code pk_test_<name>} may only read and confirm that
 * namespace's payments. Such keys are names, not secrets.
 */
record ApiKey(Namespace namespace, boolean publishable) {

	private static final Pattern FORMAT = Pattern.compile("(sk|pk)_test_([A-Za-z0-9_.-]{1,64})");

	static Optional<ApiKey> parse(String value) {
		Matcher matcher = FORMAT.matcher(value);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new ApiKey(new Namespace(matcher.group(2)), matcher.group(1).equals("pk")));
	}

}
