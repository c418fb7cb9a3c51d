package dev.paymentsimulator.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the simulator.
 *
 * @param requireApiKey refuse requests without a key instead of serving them in namespace
 * {@code default}
 * @param apiKeys when set, only these secret keys (and their publishable twins) pass, and
 * a key is always required
 */
@ConfigurationProperties("simulator.auth")
public record AuthProperties(boolean requireApiKey, List<String> apiKeys) {

	public AuthProperties {
		apiKeys = (apiKeys != null) ? List.copyOf(apiKeys) : List.of();
		for (String key : apiKeys) {
			if (ApiKey.parse(key).filter((parsed) -> !parsed.publishable()).isEmpty()) {
				throw new IllegalArgumentException(
						"simulator.auth.api-keys takes secret keys such as sk_test_team1; one entry is not");
			}
		}
	}

	boolean keyRequired() {
		return this.requireApiKey || !this.apiKeys.isEmpty();
	}

}
