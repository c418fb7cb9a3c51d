package dev.paymentsimulator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=ecs")
class StructuredLogTests {

	@LocalServerPort
	int port;

	@Test
	void eachRequestWritesOneJsonAccessLineWithItsFactsAndNoSecrets(CapturedOutput output) {
		Api api = new Api(this.port);
		String id = api.post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"987\"}}}",
				Map.of("Authorization", "Bearer sk_test_structured", "Idempotency-Key", "log-line-1"))
			.text("id");
		// the client may have its answer a moment before the line is written
		JsonNode line = await().atMost(Duration.ofSeconds(5))
			.until(() -> accessLine(output, "log-line-1"), Objects::nonNull);
		assertThat(line.get("method").asString()).isEqualTo("POST");
		assertThat(line.get("path").asString()).isEqualTo("/v1/payments");
		assertThat(line.get("status").asInt()).isEqualTo(201);
		assertThat(line.get("duration_ms").isNumber()).isTrue();
		assertThat(line.get("namespace").asString()).isEqualTo("structured");
		assertThat(line.get("payment_id").asString()).isEqualTo(id);
		assertThat(line.get("idempotency_key").asString()).isEqualTo("log-line-1");
		assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(output.getAll()).doesNotContain("sk_test_structured", "4242424242424242", "\"cvc\"");
	}

	@Test
	void aLineNamesThePaymentOfItsPathAndRedactsACardNumberInItsKey(CapturedOutput output) {
		Api api = new Api(this.port).withKey("sk_test_structured");
		String id = api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		api.post("/v1/payments/" + id + "/cancel", "{}", Map.of("Idempotency-Key", "cancel-4111-1111-1111-1111"));
		JsonNode line = await().atMost(Duration.ofSeconds(5))
			.until(() -> accessLine(output, "cancel-4111"), Objects::nonNull);
		assertThat(line.get("path").asString()).isEqualTo("/v1/payments/" + id + "/cancel");
		assertThat(line.get("payment_id").asString()).isEqualTo(id);
		assertThat(line.get("idempotency_key").asString()).isEqualTo("cancel-4111\u20261111");
		assertThat(output.getAll()).doesNotContain("4111-1111-1111-1111");
	}

	private static JsonNode accessLine(CapturedOutput output, String key) {
		for (String text : output.getOut().split("\n")) {
			if (text.startsWith("{") && text.contains("dev.paymentsimulator.access") && text.contains(key)) {
				return JsonMapper.builder().build().readTree(text);
			}
		}
		return null;
	}

}
