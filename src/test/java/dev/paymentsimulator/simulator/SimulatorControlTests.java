package dev.paymentsimulator.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.clock.start=2026-11-25T12:00:00Z")
abstract class SimulatorControlTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void theClockMovesAtMostAHundredYearsAheadInAll() {
		String key = "sk_test_clock_far";
		for (int i = 0; i < 10; i++) {
			assertThat(post(key, "/v1/simulator/clock/advance", "{\"seconds\":315360000}", Map.of()).status())
				.isEqualTo(200);
		}
		String before = get(key, "/v1/simulator/clock").text("iso");

		Answer beyond = post(key, "/v1/simulator/clock/advance", "{\"seconds\":315360000}", Map.of());
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.text("code")).isEqualTo("parameter_invalid");
		assertThat(beyond.text("param")).isEqualTo("seconds");
		assertThat(get(key, "/v1/simulator/clock").text("iso")).isEqualTo(before);
		assertThat(post(key, "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}", Map.of()).status())
			.isEqualTo(201);
	}

	@Test
	void resetForgetsOneNamespaceOnly() {
		for (String key : new String[] { "sk_test_reset_a", "sk_test_reset_b" }) {
			post(key, "/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/x\"}", Map.of());
			post(key, "/v1/payments",
					"{\"amount\":900,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
					Map.of("Idempotency-Key", "reset-key"));
			post(key, "/v1/simulator/clock/advance", "{\"seconds\":60}", Map.of());
		}
		String kept = get("sk_test_reset_b", "/v1/payments").json().get("data").get(0).get("id").asString();
		Answer reset = post("sk_test_reset_a", "/v1/simulator/reset", null, Map.of());
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.text("object")).isEqualTo("simulator_reset");
		JsonNode deleted = reset.json().get("deleted");
		assertThat(deleted.get("payments").asLong()).isEqualTo(1);
		assertThat(deleted.get("events").asLong()).isEqualTo(2);
		assertThat(deleted.get("webhook_endpoints").asLong()).isEqualTo(1);
		assertThat(deleted.get("idempotency_keys").asLong()).isEqualTo(1);

		assertThat(get("sk_test_reset_a", "/v1/payments").json().get("data").isEmpty()).isTrue();
		assertThat(get("sk_test_reset_a", "/v1/events").json().get("data").isEmpty()).isTrue();
		assertThat(get("sk_test_reset_a", "/v1/webhook_endpoints").json().get("data").isEmpty()).isTrue();
		assertThat(get("sk_test_reset_a", "/v1/simulator/clock").json().get("now").asLong()).isEqualTo(1795608000L);
		Answer again = post("sk_test_reset_a", "/v1/payments",
				"{\"amount\":900,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
				Map.of("Idempotency-Key", "reset-key"));
		assertThat(again.header("Idempotent-Replayed")).isNull();

		assertThat(get("sk_test_reset_b", "/v1/payments/" + kept).status()).isEqualTo(200);
		assertThat(get("sk_test_reset_b", "/v1/events").json().get("data").size()).isEqualTo(2);
		assertThat(get("sk_test_reset_b", "/v1/webhook_endpoints").json().get("data").size()).isEqualTo(1);
		assertThat(get("sk_test_reset_b", "/v1/simulator/clock").json().get("now").asLong()).isEqualTo(1795608060L);
		assertThat(post("sk_test_reset_b", "/v1/payments",
				"{\"amount\":900,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
				Map.of("Idempotency-Key", "reset-key"))
			.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void errorBeforeDoesNothing() {
		String key = "sk_test_fault_before";
		Answer failed = post(key, "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Simulator-Fault", "error_before", "Idempotency-Key", "k1"));
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.text("code")).isEqualTo("internal_error");
		assertThat(get(key, "/v1/payments").json().get("data").isEmpty()).isTrue();
		assertThat(get(key, "/v1/events").json().get("data").isEmpty()).isTrue();
		Answer retried = post(key, "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Idempotency-Key", "k1"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void errorAfterCommitStoresTheChangeAndTheRetryGetsTheRealAnswer() {
		String key = "sk_test_fault_after";
		Answer failed = post(key, "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Simulator-Fault", "error_after_commit", "Idempotency-Key", "k1"));
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.contentType()).isEqualTo("application/problem+json");
		assertThat(get(key, "/v1/payments").json().get("data").size()).isEqualTo(1);
		Answer retried = post(key, "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Idempotency-Key", "k1"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(get(key, "/v1/payments").json().get("data").size()).isEqualTo(1);
		assertThat(get(key, "/v1/events").json().get("data").size()).isEqualTo(1);
		assertThat(retried.text("id"))
			.isEqualTo(get(key, "/v1/payments").json().get("data").get(0).get("id").asString());
	}

	@Test
	void dropAfterCommitClosesTheConnectionAndTheRetryGetsTheRealAnswer() {
		String key = "sk_test_fault_drop";
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> post(key, "/v1/payments",
					"{\"amount\":100,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
					Map.of("Simulator-Fault", "drop_after_commit", "Idempotency-Key", "k1")))
			.withCauseInstanceOf(java.io.IOException.class);
		assertThat(get(key, "/v1/payments").json().get("data").size()).isEqualTo(1);
		Answer retried = post(key, "/v1/payments",
				"{\"amount\":100,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
				Map.of("Idempotency-Key", "k1"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retried.text("status")).isEqualTo("succeeded");
		assertThat(get(key, "/v1/payments").json().get("data").size()).isEqualTo(1);
		assertThat(get(key, "/v1/events").json().get("data").size()).isEqualTo(2);
	}

	@Test
	void unknownFaultIsInvalid() {
		Answer answer = post("sk_test_fault_bad", "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Simulator-Fault", "explode"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text("param")).isEqualTo("Simulator-Fault");
	}

	@Test
	void latencyDelaysTheAnswerAtLeastTheAskedTime() {
		long started = System.nanoTime();
		Answer slow = post("sk_test_latency", "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Simulator-Latency", "400", "Idempotency-Key", "slow-1"));
		long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(slow.status()).isEqualTo(201);
		assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
		Answer replay = post("sk_test_latency", "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Idempotency-Key", "slow-1"));
		assertThat(replay.body()).isEqualTo(slow.body());
		assertThat(get("sk_test_latency", "/v1/payments").json().get("data").size()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "30001", "-1", "soon", "1.5" })
	void latencyOutOfRangeIsInvalid(String value) {
		Answer answer = post("sk_test_latency_bad", "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Simulator-Latency", value));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text("param")).isEqualTo("Simulator-Latency");
	}

	@ParameterizedTest
	@ValueSource(strings = { "payment.created", "payment.requires_action", "payment.processing", "payment.authorized",
			"payment.succeeded", "payment.failed", "payment.captured", "payment.canceled", "payment.refunded" })
	void triggerProducesEveryEventWithTheOverrides(String type) {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			receiver.stubFor(WireMock.post("/trigger").willReturn(aResponse().withStatus(200)));
			String key = "sk_test_trigger_" + type.substring("payment.".length());
			post(key, "/v1/webhook_endpoints",
					"{\"url\":\"" + receiver.baseUrl() + "/trigger\",\"enabled_events\":[\"" + type + "\"]}", Map.of());
			Answer triggered = post(key, "/v1/simulator/trigger",
					"{\"event\":\"" + type
							+ "\",\"payment\":{\"amount\":4321,\"currency\":\"EUR\",\"metadata\":{\"order\":\"T-1\"}}}",
					Map.of());
			assertThat(triggered.status()).isEqualTo(201);
			assertThat(triggered.text("object")).isEqualTo("simulator_trigger");
			JsonNode event = triggered.json().get("event");
			JsonNode payment = triggered.json().get("payment");
			assertThat(event.get("type").asString()).isEqualTo(type);
			assertThat(event.get("data").get("payment").get("id").asString()).isEqualTo(payment.get("id").asString());
			assertThat(payment.get("amount").asLong()).isEqualTo(4321);
			assertThat(payment.get("currency").asString()).isEqualTo("eur");
			assertThat(payment.get("metadata").get("order").asString()).isEqualTo("T-1");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/trigger"))).size() == 1);
			LoggedRequest delivered = receiver.findAll(postRequestedFor(urlEqualTo("/trigger"))).get(0);
			assertThat(delivered.getHeader("webhook-id")).isEqualTo(event.get("id").asString());
			assertThat(delivered.getBodyAsString()).contains("\"order\":\"T-1\"", "\"amount\":4321");
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void triggerRefusesWhatCannotBeWalked() {
		assertThat(post("sk_test_trigger_bad", "/v1/simulator/trigger", "{\"event\":\"payment.exploded\"}", Map.of())
			.text("param")).isEqualTo("event");
		assertThat(post("sk_test_trigger_bad", "/v1/simulator/trigger",
				"{\"event\":\"payment.authorized\",\"payment\":{\"capture_method\":\"automatic\"}}", Map.of())
			.text("param")).isEqualTo("payment.capture_method");
	}

	private Answer get(String key, String path) {
		return this.api.withKey(key).get(path);
	}

	private Answer post(String key, String path, String json, Map<String, String> headers) {
		return this.api.withKey(key).post(path, json, headers);
	}

}
