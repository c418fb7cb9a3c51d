package dev.paymentsimulator.common.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import generated.paymentsimulator.client.ApiClient;
import generated.paymentsimulator.client.ApiException;
import generated.paymentsimulator.client.api.EventsApi;
import generated.paymentsimulator.client.api.PaymentsApi;
import generated.paymentsimulator.client.api.RefundsApi;
import generated.paymentsimulator.client.api.SimulatorApi;
import generated.paymentsimulator.client.api.WebhookEndpointsApi;
import generated.paymentsimulator.client.model.Capture;
import generated.paymentsimulator.client.model.Confirm;
import generated.paymentsimulator.client.model.ConfirmPaymentMethod;
import generated.paymentsimulator.client.model.CreateEndpoint;
import generated.paymentsimulator.client.model.CreatePayment;
import generated.paymentsimulator.client.model.CreateRefund;
import generated.paymentsimulator.client.model.Event;
import generated.paymentsimulator.client.model.Payment;
import generated.paymentsimulator.client.model.Refund;
import generated.paymentsimulator.client.model.Trigger;
import generated.paymentsimulator.client.model.Triggered;
import generated.paymentsimulator.client.model.WebhookEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Java client that openapi-generator made from the committed {@code openapi.yaml}
 * ({@code java}, {@code native}, as the build generates it) drives a whole lifecycle and
 * reads events, typed, without a cast or a deserializer of ours.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GeneratedClientTests {

	@LocalServerPort
	int port;

	private PaymentsApi payments;

	private RefundsApi refunds;

	private EventsApi events;

	private WebhookEndpointsApi endpoints;

	private SimulatorApi simulator;

	@BeforeEach
	void client() {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		client.setReadTimeout(Duration.ofSeconds(30));
		client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer sk_test_generated_client"));
		this.payments = new PaymentsApi(client);
		this.refunds = new RefundsApi(client);
		this.events = new EventsApi(client);
		this.endpoints = new WebhookEndpointsApi(client);
		this.simulator = new SimulatorApi(client);
	}

	@Test
	void drivesTheLifecycleAndReadsItsEvents() throws ApiException {
		Payment created = this.payments.createPayment(new CreatePayment().amount(1999L)
			.currency("usd")
			.captureMethod(CreatePayment.CaptureMethodEnum.MANUAL)
			.description("Order #1001")
			.metadata(Map.of("order", "1001")), null, null, "generated-client-create");
		assertThat(created.getStatus()).isEqualTo(Payment.StatusEnum.CREATED);
		assertThat(created.getPaymentMethod()).isNull();
		Payment authorized = this.payments.confirmPayment(created.getId(), null, null, null,
				new Confirm().paymentMethod(new ConfirmPaymentMethod("pm_card_visa")));
		assertThat(authorized.getStatus()).isEqualTo(Payment.StatusEnum.AUTHORIZED);
		assertThat(authorized.getPaymentMethod().getCard().getLast4()).isEqualTo("4242");
		Payment captured = this.payments.capturePayment(created.getId(), null, null, null, new Capture().amount(1500L));
		assertThat(captured.getAmountReceived()).isEqualTo(1500L);
		Refund refund = this.refunds.createRefund(created.getId(), null, null, null,
				new CreateRefund().amount(500L).reason(CreateRefund.ReasonEnum.REQUESTED_BY_CUSTOMER));
		assertThat(refund.getAmount()).isEqualTo(500L);
		assertThat(this.payments.getPayment(created.getId(), null, null, null).getStatus())
			.isEqualTo(Payment.StatusEnum.PARTIALLY_REFUNDED);

		List<Event> made = this.events.listEvents(null, created.getId(), 10, null, null, null).getData();
		assertThat(made).extracting(Event::getType)
			.containsExactly(Event.TypeEnum.PAYMENT_REFUNDED, Event.TypeEnum.PAYMENT_CAPTURED,
					Event.TypeEnum.PAYMENT_AUTHORIZED, Event.TypeEnum.PAYMENT_CREATED);
		Event refunded = made.get(0);
		assertThat(refunded.getData().getRefund().getId()).isEqualTo(refund.getId());
		assertThat(refunded.getData().getPayment().getAmountRefunded()).isEqualTo(500L);
		assertThat(made.get(1).getData().getRefund()).isNull();
		assertThat(this.events.getEvent(refunded.getId(), null, null).getTimestamp()).isNotNull();
		Event waited = this.events.waitForEvent(Event.TypeEnum.PAYMENT_CAPTURED.getValue(), created.getId(), 1000L,
				null, null);
		assertThat(waited.getData().getPayment().getStatus()).isEqualTo(Payment.StatusEnum.CAPTURED);
		assertThat(this.events.redeliverEvent(refunded.getId(), null, null, null).getId()).isEqualTo(refunded.getId());
	}

	@Test
	void createsEndpointsTriggersEventsAndReadsProblems() throws ApiException {
		WebhookEndpoint endpoint = this.endpoints.createWebhookEndpoint(new CreateEndpoint().url("http://127.0.0.1:9/h")
			.enabledEvents(List.of(CreateEndpoint.EnabledEventsEnum.PAYMENT_SUCCEEDED)), null, null, null);
		assertThat(endpoint.getSecret()).startsWith("whsec_");
		Triggered triggered = this.simulator.triggerEvent(new Trigger().event(Trigger.EventEnum.PAYMENT_CANCELED), null,
				null, null);
		assertThat(triggered.getEvent().getType()).isEqualTo(Event.TypeEnum.PAYMENT_CANCELED);
		assertThat(triggered.getPayment().getStatus()).isEqualTo(Payment.StatusEnum.CANCELED);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(
					() -> this.payments.createPayment(
							new CreatePayment().amount(1000L)
								.currency("usd")
								.confirm(true)
								.paymentMethod(new ConfirmPaymentMethod("pm_card_visa_chargeDeclined")),
							null, null, null))
			.satisfies((declined) -> {
				assertThat(declined.getCode()).isEqualTo(402);
				assertThat(declined.getResponseBody()).contains("\"code\":\"card_declined\"");
			});
	}

}
