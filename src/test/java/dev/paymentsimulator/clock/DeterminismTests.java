package dev.paymentsimulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.paymentsimulator.PaymentSimulatorApplication;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Same seed, same clock start, same requests: the same bytes, in two separate processes'
 * worth of context.
 */
class DeterminismTests {

	@Test
	void twoFreshContextsWithTheSameSeedAnswerTheSameThirtyCallsIdentically() {
		List<String> first = runThirtyCalls();
		List<String> second = runThirtyCalls();
		assertThat(first).hasSize(30);
		assertThat(second).containsExactlyElementsOf(first);
		assertThat(String.join("", first)).contains("pay_", "re_", "evt_", "whsec_", "fingerprint");
	}

	private static List<String> runThirtyCalls() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PaymentSimulatorApplication.class)
			.properties("server.port=0", "simulator.seed=20261125", "simulator.clock.start=2026-11-25T12:00:00Z")
			.run()) {
			Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			List<String> answers = new ArrayList<>();
			String card = "{\"card\":{\"number\":\"5555555555554444\",\"exp_month\":7,\"exp_year\":2031,\"cvc\":\"123\"}}";
			answers.add(api.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/hooks\"}").body());
			String manual = record(answers, api.post("/v1/payments",
					"{\"amount\":5000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"metadata\":{\"b\":\"2\",\"a\":\"1\"}}"));
			answers.add(api.post("/v1/payments/" + manual + "/confirm", "{\"payment_method\":" + card + "}").body());
			answers.add(api.post("/v1/payments/" + manual + "/capture", "{\"amount\":4000}").body());
			answers.add(api.post("/v1/payments/" + manual + "/refunds", "{\"amount\":1000}").body());
			answers.add(api.post("/v1/payments/" + manual + "/refunds", "{}").body());
			String declined = record(answers, api.post("/v1/payments", "{\"amount\":700,\"currency\":\"eur\"}"));
			answers.add(api.post("/v1/payments/" + declined + "/confirm",
					"{\"payment_method\":\"pm_card_chargeDeclinedInsufficientFunds\"}")
				.body());
			answers
				.add(api.post("/v1/payments/" + declined + "/confirm", "{\"payment_method\":\"pm_card_amex\"}").body());
			String secure = record(answers, api.post("/v1/payments",
					"{\"amount\":800,\"currency\":\"gbp\",\"confirm\":true,\"payment_method\":\"pm_card_threeDSecureRequired\"}"));
			answers.add(api.post("/v1/simulator/payments/" + secure + "/challenge", "{\"outcome\":\"pass\"}").body());
			String processing = record(answers, api.post("/v1/payments",
					"{\"amount\":900,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4000000000000077\",\"exp_month\":1,\"exp_year\":2030}}}"));
			answers.add(api.post("/v1/simulator/clock/advance", "{\"seconds\":10}").body());
			answers.add(api.get("/v1/payments/" + processing).body());
			answers.add(api.post("/v1/simulator/clock/advance", "{\"seconds\":604800}").body());
			answers.add(api.get("/v1/payments/" + processing).body());
			answers.add(api.post("/v1/payments", "{\"amount\":1,\"currency\":\"jpy\"}",
					java.util.Map.of("Idempotency-Key", "same"))
				.body());
			answers.add(api.post("/v1/payments", "{\"amount\":1,\"currency\":\"jpy\"}",
					java.util.Map.of("Idempotency-Key", "same"))
				.body());
			answers.add(api.post("/v1/simulator/trigger", "{\"event\":\"payment.refunded\"}").body());
			answers.add(api.post("/v1/simulator/trigger", "{\"event\":\"payment.failed\"}").body());
			answers.add(api.post("/v1/payments/" + manual + "/capture", null).body());
			answers.add(api.get("/v1/payments?limit=5").body());
			answers.add(api.get("/v1/refunds").body());
			answers.add(api.get("/v1/events?limit=100").body());
			answers.add(api.get("/v1/events?type=payment.captured").body());
			answers.add(api.get("/v1/simulator/webhook_secret").body());
			answers.add(api.get("/v1/simulator/clock").body());
			answers.add(api.get("/v1/payments/" + manual).body());
			answers.add(api.get("/v1/refunds?payment=" + manual).body());
			answers.add(api.get("/v1/webhook_endpoints").body());
			return answers;
		}
	}

	private static String record(List<String> answers, Api.Answer answer) {
		answers.add(answer.body());
		return answer.text("id");
	}

}
