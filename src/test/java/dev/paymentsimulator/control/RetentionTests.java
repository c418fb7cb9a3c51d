package dev.paymentsimulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.retention.max-payments=50" })
abstract class RetentionTests {

	private static final String KEY = "sk_test_retention";

	@LocalServerPort
	int port;

	@Test
	void threeTimesTheCapKeepsTheCountAtTheCapAndNeverDropsAPaymentThatCanMove() {
		Api api = new Api(this.port);
		Map<String, String> auth = Map.of("Authorization", "Bearer " + KEY);
		List<String> authorized = new ArrayList<>();
		String firstFinished = null;
		for (int i = 0; i < 150; i++) {
			if (i % 15 == 0) {
				authorized.add(api.post("/v1/payments",
						"{\"amount\":100,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
						auth)
					.text("id"));
			}
			else {
				String id = api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}", auth).text("id");
				api.post("/v1/payments/" + id + "/cancel", null, auth);
				firstFinished = (firstFinished != null) ? firstFinished : id;
			}
		}
		List<String> kept = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			JsonNode page = get(api, "/v1/payments?limit=100" + ((after != null) ? "&starting_after=" + after : ""));
			for (JsonNode payment : page.get("data")) {
				kept.add(payment.get("id").asString());
				after = payment.get("id").asString();
			}
			more = page.get("has_more").asBoolean();
		}
		assertThat(kept).hasSize(50);
		assertThat(kept).containsAll(authorized);
		assertThat(kept).doesNotContain(firstFinished);
		assertThat(get(api, "/v1/events?payment=" + firstFinished).get("data").isEmpty()).isTrue();
	}

	private JsonNode get(Api api, String path) {
		return api.withKey(KEY).get(path).json();
	}

}
