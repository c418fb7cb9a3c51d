package dev.paymentsimulator.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long, on the namespace's simulated clock, a key keeps its answer
 * @param maxKeys how many finished answers are kept at most; the least recently used go
 * first
 * @param maxBytes how much memory the in-memory store's answers take at most, shared
 * equally among the namespaces that have answers, so that one namespace's traffic evicts
 * only its own
 */
@ConfigurationProperties("simulator.idempotency")
@Validated
public record IdempotencyProperties(
		@DefaultValue("24h") @DurationUnit(java.time.temporal.ChronoUnit.SECONDS) Duration ttl,
		@DefaultValue("100000") @Min(1) @Max(10_000_000) int maxKeys, @DefaultValue("64MB") DataSize maxBytes) {

	public IdempotencyProperties {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("simulator.idempotency.ttl must be positive, was " + ttl);
		}
		if (maxBytes.toBytes() < 1024) {
			throw new IllegalArgumentException("simulator.idempotency.max-bytes must be at least 1KB, was " + maxBytes);
		}
	}

}
