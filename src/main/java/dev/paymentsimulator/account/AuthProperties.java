package dev.paymentsimulator.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the simulator.
 *
 * @param requireApiKey refuse requests without a key instead of serving them in namespace
 * {@code default}
 * @param apiKeys when set, only these secret keys (and the publishable keys derived from
 * them) pass, and a key is always required. Each is {@code sk_test_<name>_<random>}: the
 * name is the namespace, the random part (16 or more letters and digits) is what keeps
 * the key secret.
 */
@ConfigurationProperties("simulator.auth")
public record AuthProperties(@DefaultValue("false") boolean requireApiKey, @DefaultValue List<String> apiKeys) {

	public AuthProperties {
		apiKeys = List.copyOf(apiKeys);
		for (String key : apiKeys) {
			if (ListedKey.parse(key).isEmpty()) {
				// the entry itself is not quoted: it may be a real secret with a typo
				throw new IllegalArgumentException("simulator.auth.api-keys takes secret keys with a random part, "
						+ "sk_test_<name>_<16 or more letters and digits> (for example sk_test_team1_ followed by "
						+ "the output of `openssl rand -hex 16`); one entry is not of that form");
			}
		}
	}

	boolean keyRequired() {
		return this.requireApiKey || !this.apiKeys.isEmpty();
	}

}
