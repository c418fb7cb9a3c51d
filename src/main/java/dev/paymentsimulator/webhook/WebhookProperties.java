package dev.paymentsimulator.webhook;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are signed and sent.
 *
 * @param secret the default signing secret ({@code whsec_…}) for
 * {@code metadata.webhook_url}; when unset each namespace gets one generated at start
 * @param retryDelays the waits between attempts after a failure, on the simulated clock
 * @param jitter each wait varies by up to this fraction either way
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param timeout how long a whole attempt may take
 * @param threads threads beyond the client's eight for finishing attempts (recording
 * them, owing retries); sending itself is asynchronous
 * @param maxInFlight attempts under way at once, over all receivers; what is over waits
 * in the outbox, not in threads or sockets
 * @param maxInFlightPerEndpoint attempts under way at once to one endpoint (to one host
 * and port, for payments' own URLs), so a receiver that hangs holds no more than this
 * @param maxEndpoints webhook endpoints one namespace may have, so that one namespace
 * cannot turn each event into thousands of outbound requests
 */
@ConfigurationProperties("simulator.webhooks")
public record WebhookProperties(@Nullable String secret, @DefaultValue( {
		"5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retryDelays, @DefaultValue("0.1") double jitter,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration timeout,
		@DefaultValue("2") int threads, @DefaultValue("128") int maxInFlight,
		@DefaultValue("32") int maxInFlightPerEndpoint, @DefaultValue("16") int maxEndpoints){

	/** Beyond the longest an attempt can take, so a live sender never loses its claim. */
	private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

	public WebhookProperties {
		retryDelays = List.copyOf(retryDelays);
		for (Duration delay : retryDelays) {
			require(!delay.isNegative() && !delay.isZero(), "retry-delays",
					"each delay must be positive, was " + delay);
		}
		require(jitter >= 0 && jitter < 1, "jitter", "must be at least 0 and below 1, was " + jitter);
		require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connect-timeout", "must be positive");
		require(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive");
		require(threads >= 1, "threads", "must be at least 1");
		require(maxInFlight >= 1, "max-in-flight", "must be at least 1");
		require(maxInFlightPerEndpoint >= 1, "max-in-flight-per-endpoint", "must be at least 1");
		require(maxEndpoints >= 1, "max-endpoints", "must be at least 1");
		require(secret == null || WebhookSecrets.isWellFormed(secret), "secret",
				"must be whsec_ followed by base64 of at least 24 bytes");
	}

	/**
	 * How long a claimed delivery belongs to its sender: past it, the sender is taken for
	 * dead and the delivery is owed again.
	 */
	Duration lease() {
		return this.connectTimeout.plus(this.timeout).plus(LEASE_MARGIN);
	}

	private static void require(boolean condition, String property, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("simulator.webhooks." + property + " " + problem);
		}
	}

}
