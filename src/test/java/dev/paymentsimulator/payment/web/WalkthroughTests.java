package dev.paymentsimulator.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The README's walkthrough and the flows that cross features, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.clock.start=2026-11-25T12:00:00Z")
abstract class WalkthroughTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void readmeWalkthroughCreateConfirmCaptureRefund() {
		Answer created = this.api.post("/v1/payments",
				"{\"amount\":1999,\"currency\":\"usd\",\"capture_method\":\"manual\",\"description\":\"Order #1001\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		assertThat(id).startsWith("pay_");
		assertThat(created.header("Location")).isEqualTo("/v1/payments/" + id);
		assertThat(created.json().get("created").asLong()).isEqualTo(1795608000L);
		assertThat(created.text("client_secret")).startsWith(id + "_secret_");
		assertThat(fieldNames(created.json())).containsExactly("id", "object", "created", "livemode", "amount",
				"currency", "status", "capture_method", "amount_capturable", "amount_received", "amount_refunded",
				"client_secret", "description", "metadata", "payment_method", "last_error", "next_action",
				"cancellation_reason", "refunds");

		Answer confirmed = this.api.post("/v1/payments/" + id + "/confirm",
				"{\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}");
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.text("status")).isEqualTo("authorized");
		assertThat(confirmed.json().get("amount_capturable").asLong()).isEqualTo(1999);
		JsonNode card = confirmed.json().get("payment_method").get("card");
		assertThat(fieldNames(card)).containsExactly("brand", "last4", "exp_month", "exp_year", "fingerprint");

		Answer captured = this.api.post("/v1/payments/" + id + "/capture", "{\"amount\":1500}");
		assertThat(captured.status()).isEqualTo(200);
		assertThat(captured.text("status")).isEqualTo("captured");
		assertThat(captured.json().get("amount_received").asLong()).isEqualTo(1500);

		Answer refund = this.api.post("/v1/payments/" + id + "/refunds",
				"{\"amount\":500,\"reason\":\"requested_by_customer\"}");
		assertThat(refund.status()).isEqualTo(201);
		assertThat(refund.text("object")).isEqualTo("refund");
		assertThat(refund.header("Location")).isEqualTo("/v1/refunds/" + refund.text("id"));
		assertThat(fieldNames(refund.json())).containsExactly("id", "object", "payment", "amount", "currency", "status",
				"reason", "metadata", "created");

		Answer after = this.api.get("/v1/payments/" + id);
		Answer refused = this.api.post("/v1/payments/" + id + "/capture", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("detail"))
			.isEqualTo("Payment " + id + " is partially_refunded; capture needs authorized or succeeded.");
		assertThat(after.text("status")).isEqualTo("partially_refunded");
		assertThat(after.json().get("amount_refunded").asLong()).isEqualTo(500);
		assertThat(after.json().get("refunds").get(0).get("id").asString()).isEqualTo(refund.text("id"));

		Answer refunds = this.api.get("/v1/refunds?payment=" + id);
		assertThat(refunds.text("object")).isEqualTo("list");
		assertThat(refunds.json().get("data").size()).isEqualTo(1);
		assertThat(this.api.get("/v1/refunds/" + refund.text("id")).text("amount")).isEqualTo("500");
	}

	@Test
	void threeDSecureOverHttp() {
		Answer created = this.api.post("/v1/payments",
				"{\"amount\":500,\"currency\":\"EUR\",\"confirm\":true,\"payment_method\":\"pm_card_threeDSecureRequired\",\"return_url\":\"http://localhost:3000/done\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("currency")).isEqualTo("eur");
		assertThat(created.text("status")).isEqualTo("requires_action");
		String url = created.json().get("next_action").get("redirect_to_url").get("url").asString();
		assertThat(url).isEqualTo("http://localhost:" + this.port + "/3ds/" + created.text("id"));
		Answer passed = this.api.post("/v1/simulator/payments/" + created.text("id") + "/challenge",
				"{\"outcome\":\"pass\"}");
		assertThat(passed.text("status")).isEqualTo("succeeded");
	}

	@Test
	void listsAreNewestFirstAndPage() {
		String currency = "chf";
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(0, this.api.post("/v1/payments", "{\"amount\":" + (i + 1) + ",\"currency\":\"" + currency + "\"}")
				.text("id"));
		}
		Answer first = this.api.get("/v1/payments?limit=2&status=created");
		assertThat(first.text("url")).isEqualTo("/v1/payments");
		assertThat(first.json().get("has_more").asBoolean()).isTrue();
		assertThat(idsOf(first)).containsExactly(ids.get(0), ids.get(1));
		Answer second = this.api.get("/v1/payments?limit=2&status=created&starting_after=" + ids.get(1));
		assertThat(idsOf(second)).containsExactly(ids.get(2), ids.get(3));
		this.api.post("/v1/payments/" + ids.get(0) + "/cancel", "{\"cancellation_reason\":\"abandoned\"}");
		Answer canceled = this.api.get("/v1/payments?status=canceled");
		assertThat(idsOf(canceled)).contains(ids.get(0)).doesNotContain(ids.get(1));
	}

	@Test
	void clockOverHttpSettlesProcessingPayments() {
		Answer created = this.api.post("/v1/payments",
				"{\"amount\":700,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4000000000000077\",\"exp_month\":12,\"exp_year\":2030}}}");
		assertThat(created.text("status")).isEqualTo("processing");
		long before = this.api.get("/v1/simulator/clock").json().get("now").asLong();
		Answer advanced = this.api.post("/v1/simulator/clock/advance", "{\"seconds\":5}");
		assertThat(advanced.text("object")).isEqualTo("simulator_clock");
		assertThat(advanced.json().get("now").asLong()).isEqualTo(before + 5);
		assertThat(this.api.get("/v1/payments/" + created.text("id")).text("status")).isEqualTo("succeeded");
	}

	@Test
	void healthAnswersOk() {
		Answer health = this.api.get("/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
	}

	@Test
	void containerLevelErrorsAreProblemsToo() {
		Answer unknown = this.api.get("/no/such/page");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");
		assertThat(unknown.text("code")).isEqualTo("resource_missing");
		Answer error = this.api.get("/error");
		assertThat(error.contentType()).isEqualTo("application/problem+json");
		assertThat(error.body()).doesNotContain("trace", "Exception");
	}

	@Test
	void fiftyConcurrentRefundsOfOneUnitNeverOverRefund() throws Exception {
		String id = this.api
			.post("/v1/payments",
					"{\"amount\":20,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		List<Integer> answers = Concurrently.run(50,
				(i) -> this.api.post("/v1/payments/" + id + "/refunds", "{\"amount\":1}").status());
		assertThat(answers).filteredOn((status) -> status == 201).hasSize(20);
		assertThat(answers).allMatch((status) -> status == 201 || status == 409 || status == 400);
		Answer payment = this.api.get("/v1/payments/" + id);
		assertThat(payment.json().get("amount_refunded").asLong()).isEqualTo(20);
		assertThat(payment.json().get("refunds").size()).isEqualTo(20);
		assertThat(payment.text("status")).isEqualTo("refunded");
	}

	private static List<String> fieldNames(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static List<String> idsOf(Answer list) {
		List<String> ids = new ArrayList<>();
		list.json().get("data").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}
