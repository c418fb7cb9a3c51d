package dev.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README shows real output of a seeded run; replaying its walkthrough with the same
 * seed must give the very ids, secrets and fingerprints it prints.
 */
class ReadmeTests {

	@Test
	void walkthroughOutputIsWhatASeededRunAnswers() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PaymentSimulatorApplication.class)
			.properties("server.port=0", "simulator.seed=42", "simulator.clock.start=2026-11-25T12:00:00Z")
			.run()) {
			Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			Answer created = api.post("/v1/payments",
					"{\"amount\":1999,\"currency\":\"usd\",\"capture_method\":\"manual\",\"description\":\"Order #1001\"}");
			String id = created.text("id");
			assertThat(readme).contains("\"id\": \"" + id + "\"",
					"\"client_secret\": \"" + created.text("client_secret") + "\"", "Location: /v1/payments/" + id);
			Answer confirmed = api.post("/v1/payments/" + id + "/confirm",
					"{\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}");
			assertThat(confirmed.text("status")).isEqualTo("authorized");
			assertThat(readme).contains("\"fingerprint\": \""
					+ confirmed.json().get("payment_method").get("card").get("fingerprint").asString() + "\"");
			api.post("/v1/payments/" + id + "/capture", "{\"amount\":1500}");
			Answer refund = api.post("/v1/payments/" + id + "/refunds",
					"{\"amount\":500,\"reason\":\"requested_by_customer\"}");
			assertThat(readme).contains("\"id\": \"" + refund.text("id") + "\"");
			assertThat(readme).contains(api.post("/v1/payments/" + id + "/capture", null).text("detail"));
			Answer declined = api.post("/v1/payments",
					"{\"amount\":1999,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa_chargeDeclined\"}");
			assertThat(readme).contains("\"payment_id\": \"" + declined.text("payment_id") + "\"");
			assertThat(api.post("/v1/payments", "{\"amount\":1,\"currency\":\"usd\"}", Map.of()).status())
				.isEqualTo(201);
		}
	}

}
