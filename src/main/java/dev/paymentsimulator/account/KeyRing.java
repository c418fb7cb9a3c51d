package dev.paymentsimulator.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization} header into a {@link Caller}. Without an allow-list any
 * {@code sk_test_<name>} opens namespace {@code <name>}; with one, only its secret keys
 * and the publishable keys derived from them pass, compared in constant time.
 */
@Component
class KeyRing {

	private static final String NO_VALID_KEY = "The Authorization header holds no valid key. Send Authorization:"
			+ " Bearer sk_test_<name> (or pk_test_<name>), or HTTP Basic with the key as user name.";

	private final boolean keyRequired;

	private final List<ListedKey> listed;

	KeyRing(AuthProperties properties) {
		this.keyRequired = properties.keyRequired();
		this.listed = properties.apiKeys().stream().map((key) -> ListedKey.parse(key).orElseThrow()).toList();
	}

	Caller authenticate(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			if (this.keyRequired) {
				throw invalid("An API key is required: send Authorization: Bearer sk_test_<name>.");
			}
			return Caller.DEFAULT;
		}
		String presented = keyIn(authorization.trim()).orElseThrow(() -> invalid(NO_VALID_KEY));
		return this.listed.isEmpty() ? named(presented) : listed(presented);
	}

	private static Caller named(String presented) {
		ApiKey key = ApiKey.parse(presented).orElseThrow(() -> invalid(NO_VALID_KEY));
		return new Caller(key.namespace(), key.publishable(), "pk_test_" + key.namespace().name());
	}

	/** Looks at every listed key, whatever matches, so timing tells nothing. */
	private Caller listed(String presented) {
		byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
		Caller found = null;
		for (ListedKey key : this.listed) {
			boolean secret = MessageDigest.isEqual(candidate, key.secret());
			boolean publishable = MessageDigest.isEqual(candidate, key.publishable());
			if ((secret || publishable) && found == null) {
				found = new Caller(key.namespace(), publishable, key.publishableKey());
			}
		}
		if (found == null) {
			throw invalid("This API key is not accepted here.");
		}
		return found;
	}

	private static Optional<String> keyIn(String authorization) {
		int space = authorization.indexOf(' ');
		if (space < 0) {
			return Optional.empty();
		}
		String scheme = authorization.substring(0, space);
		String credentials = authorization.substring(space + 1).trim();
		if (scheme.equalsIgnoreCase("Bearer")) {
			return Optional.of(credentials);
		}
		if (scheme.equalsIgnoreCase("Basic")) {
			try {
				String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of((colon >= 0) ? decoded.substring(0, colon) : decoded);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static ApiException invalid(String detail) {
		return new ApiException(ErrorCode.INVALID_API_KEY, detail);
	}

}
