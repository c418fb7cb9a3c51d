package dev.paymentsimulator.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxPayments how many payments this instance keeps, over all namespaces; past it
 * the oldest finished ones are dropped with their events and deliveries
 */
@ConfigurationProperties("simulator.retention")
public record RetentionProperties(Integer maxPayments) {

	public RetentionProperties {
		maxPayments = (maxPayments != null) ? maxPayments : 100_000;
		if (maxPayments < 1) {
			throw new IllegalArgumentException(
					"simulator.retention.max-payments must be at least 1, was " + maxPayments);
		}
	}

}
