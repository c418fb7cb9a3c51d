package dev.paymentsimulator.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPayments how many payments this instance keeps, over all namespaces; past it
 * the oldest are dropped, whatever their state, with their refunds, events and deliveries
 * @param maxAge when set, a payment older than this on its namespace's clock is dropped
 * the next time that namespace creates one
 */
@ConfigurationProperties("simulator.retention")
public record RetentionProperties(@DefaultValue("100000") int maxPayments, @Nullable Duration maxAge) {

	public RetentionProperties {
		if (maxPayments < 1) {
			throw new IllegalArgumentException(
					"simulator.retention.max-payments must be at least 1, was " + maxPayments);
		}
		if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
			throw new IllegalArgumentException("simulator.retention.max-age must be positive, was " + maxAge);
		}
	}

}
