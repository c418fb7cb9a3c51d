package dev.paymentsimulator.clock;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's own settings.
 *
 * @param seed when set, ids, client secrets and card fingerprints are a pure function of
 * the seed and the order of requests in a namespace
 * @param clock how the simulated clock starts
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(@Nullable Long seed, @DefaultValue ClockSettings clock) {

	/**
	 * @param start when set, every namespace's clock starts frozen at this instant and
	 * moves only when advanced; when unset it follows real time from start-up
	 */
	public record ClockSettings(@Nullable Instant start) {
	}

}
