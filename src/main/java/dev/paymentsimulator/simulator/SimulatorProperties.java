package dev.paymentsimulator.simulator;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulator's own settings.
 *
 * @param seed when set, ids, client secrets and card fingerprints are a pure function of
 * the seed and the order of requests in a namespace
 * @param clock how the simulated clock starts
 * @param store where the world is kept; PostgreSQL takes {@code spring.datasource.*}
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(Long seed, ClockSettings clock, StoreKind store) {

	public SimulatorProperties {
		clock = (clock != null) ? clock : new ClockSettings(null);
		store = (store != null) ? store : StoreKind.MEMORY;
	}

	/**
	 * @param start when set, every namespace's clock starts frozen at this instant and
	 * moves only when advanced; when unset it follows real time from start-up
	 */
	public record ClockSettings(Instant start) {
	}

}
