package dev.paymentsimulator.payment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Payments in Prometheus: how confirmations end, and every state transition. Counted from
 * the published events, so a number can never disagree with the event log. Counters are
 * looked up once per label set: building tags on every event showed in the profile.
 */
@Component
class PaymentMetrics {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	PaymentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void count(PaymentEvent event) {
		String to = event.payment().status().value();
		String from = (event.previousStatus() != null) ? event.previousStatus().value() : "none";
		counter("simulator.payment.transitions", "from", from, "to", to).increment();
		if (event.type() != PaymentEventType.CREATED && event.type() != PaymentEventType.REFUNDED
				&& event.type() != PaymentEventType.CAPTURED && event.type() != PaymentEventType.CANCELED) {
			PaymentError error = event.payment().lastError();
			String declineCode = (error != null && error.declineCode() != null) ? error.declineCode()
					: (error != null) ? error.code().value() : "none";
			counter("simulator.payment.outcomes", "outcome", to, "decline_code", declineCode).increment();
		}
	}

	private Counter counter(String name, String key1, String value1, String key2, String value2) {
		return this.counters.computeIfAbsent(name + '|' + value1 + '|' + value2,
				(key) -> this.registry.counter(name, key1, value1, key2, value2));
	}

}
