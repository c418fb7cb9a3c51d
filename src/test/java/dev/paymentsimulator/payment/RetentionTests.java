package dev.paymentsimulator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.retention.max-payments=50",
				"simulator.retention.max-age=30d" })
abstract class RetentionTests {

	private static final String CONFIRMED = "{\"amount\":100,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";

	private static final String AUTHORIZED = "{\"amount\":100,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";

	@LocalServerPort
	int port;

	/** How many payments beyond the limit the store may keep between its sweeps. */
	abstract int slack();

	@Test
	void keepsTheNewestPaymentsWhateverTheirState() {
		Api api = new Api(this.port).withKey("sk_test_retention_count");
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			created.add(api.post("/v1/payments", (i % 3 == 0) ? AUTHORIZED : CONFIRMED).text("id"));
		}

		List<String> kept = all(api);
		assertThat(kept.size()).isBetween(50, 50 + slack());
		assertThat(kept).containsAll(created.subList(100, 150));
		assertThat(kept).doesNotContainAnyElementsOf(created.subList(0, 100 - slack()));
		assertThat(api.get("/v1/events?payment=" + created.get(0)).json().get("data").isEmpty()).isTrue();
	}

	@Test
	void aDroppedPaymentAndItsEventsAnswer404SayingRetentionDroppedThem() {
		Api api = new Api(this.port).withKey("sk_test_retention_gone");
		String first = api.post("/v1/payments", AUTHORIZED).text("id");
		String event = api.get("/v1/events?payment=" + first).json().get("data").get(0).get("id").asString();
		for (int i = 0; i < 60 + slack(); i++) {
			api.post("/v1/payments", CONFIRMED);
		}

		for (Answer gone : List.of(api.get("/v1/payments/" + first), api.get("/v1/events/" + event),
				api.post("/v1/payments/" + first + "/capture", null))) {
			assertThat(gone.status()).isEqualTo(404);
			assertThat(gone.text("code")).isEqualTo("resource_missing");
			assertThat(gone.text("detail")).contains("dropped by retention", "simulator.retention.max-payments");
		}
		Answer never = api.get("/v1/payments/pay_neverexisted");
		assertThat(never.status()).isEqualTo(404);
		assertThat(never.text("detail")).doesNotContain("retention");
	}

	@Test
	void paymentsOlderThanTheMaxAgeOnTheirClockAreDropped() {
		Api api = new Api(this.port).withKey("sk_test_retention_age");
		String old = api.post("/v1/payments", AUTHORIZED).text("id");
		api.post("/v1/simulator/clock/advance", "{\"seconds\":" + (31 * 86_400) + "}");
		List<String> recent = new ArrayList<>();
		for (int i = 0; i <= slack(); i++) {
			recent.add(api.post("/v1/payments", CONFIRMED).text("id"));
		}

		assertThat(api.get("/v1/payments/" + old).text("detail")).contains("dropped by retention",
				"simulator.retention.max-age");
		assertThat(all(api)).containsAll(recent);
	}

	@Test
	void aResetForgetsWhatRetentionDropped() {
		Api api = new Api(this.port).withKey("sk_test_retention_reset");
		String first = api.post("/v1/payments", CONFIRMED).text("id");
		for (int i = 0; i < 60 + slack(); i++) {
			api.post("/v1/payments", CONFIRMED);
		}
		api.post("/v1/simulator/reset", null);

		assertThat(api.get("/v1/payments/" + first).text("detail")).doesNotContain("retention");
	}

	@Test
	void eventsEmbedTheNewestTenRefundsAndThePaymentKeepsThemAll() {
		Api api = new Api(this.port).withKey("sk_test_retention_refunds");
		String payment = api.post("/v1/payments", CONFIRMED).text("id");
		List<String> refunds = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			refunds.add(api.post("/v1/payments/" + payment + "/refunds", "{\"amount\":1}").text("id"));
		}

		JsonNode last = api.get("/v1/events?payment=" + payment + "&type=payment.refunded&limit=1")
			.json()
			.get("data")
			.get(0);
		assertThat(last.get("data").get("payment").get("refunds").valueStream().map((r) -> r.get("id").asString()))
			.containsExactlyElementsOf(refunds.subList(2, 12));
		assertThat(api.get("/v1/payments/" + payment).json().get("refunds")).hasSize(12);
	}

	private static List<String> all(Api api) {
		List<String> kept = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			JsonNode page = api.get("/v1/payments?limit=100" + ((after != null) ? "&starting_after=" + after : ""))
				.json();
			for (JsonNode payment : page.get("data")) {
				kept.add(payment.get("id").asString());
				after = payment.get("id").asString();
			}
			more = page.get("has_more").asBoolean();
		}
		return kept;
	}

}
