package dev.paymentsimulator.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the live stream.
 *
 * @param maxSubscribers streams open at once on this instance; one more is refused
 * @param maxQueued messages waiting for one subscriber; one more lets the subscriber go
 */
@ConfigurationProperties("simulator.live")
public record LiveProperties(@DefaultValue("100") int maxSubscribers, @DefaultValue("256") int maxQueued) {

	public LiveProperties {
		if (maxSubscribers < 1) {
			throw new IllegalArgumentException(
					"simulator.live.max-subscribers must be at least 1, was " + maxSubscribers);
		}
		if (maxQueued < 1) {
			throw new IllegalArgumentException("simulator.live.max-queued must be at least 1, was " + maxQueued);
		}
	}

}
