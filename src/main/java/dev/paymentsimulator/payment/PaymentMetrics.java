package dev.paymentsimulator.payment;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Payments in Prometheus: how confirmations end, and every state transition. Counted from
 * the published events, so a number can never disagree with the event log.
 */
@Component
class PaymentMetrics {

	private final MeterRegistry registry;

	PaymentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void count(PaymentEvent event) {
		String to = event.payment().status().value();
		String from = (event.previousStatus() != null) ? event.previousStatus().value() : "none";
		this.registry.counter("simulator.payment.transitions", "from", from, "to", to).increment();
		if (event.type() != PaymentEventType.CREATED && event.type() != PaymentEventType.REFUNDED
				&& event.type() != PaymentEventType.CAPTURED && event.type() != PaymentEventType.CANCELED) {
			PaymentError error = event.payment().lastError();
			String declineCode = (error != null && error.declineCode() != null) ? error.declineCode()
					: (error != null) ? error.code().value() : "none";
			this.registry.counter("simulator.payment.outcomes", "outcome", to, "decline_code", declineCode).increment();
		}
	}

}
