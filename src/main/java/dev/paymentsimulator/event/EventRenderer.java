package dev.paymentsimulator.event;

import java.time.temporal.ChronoUnit;

import dev.paymentsimulator.payment.PaymentView;
import dev.paymentsimulator.payment.RefundView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Writes an event as JSON; field order is the contract's. */
@Component
public final class EventRenderer {

	private final JsonMapper json;

	EventRenderer(JsonMapper json) {
		this.json = json;
	}

	record EventView(String id, String object, String type, long created, String timestamp, Data data) {

		record Data(PaymentView payment, RefundView refund) {
		}

	}

	String render(Event event) {
		return this.json.writeValueAsString(new EventView(event.id(), "event", event.type(),
				event.created().getEpochSecond(), event.created().truncatedTo(ChronoUnit.SECONDS).toString(),
				new EventView.Data(PaymentView.of(event.payment()),
						(event.refund() != null) ? RefundView.of(event.refund()) : null)));
	}

}
