package dev.paymentsimulator.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.idempotency.max-keys=50000" })
abstract class IdempotencyTests {

	private static final String CARD = "{\"card\":{\"number\":\"%s\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}";

	@LocalServerPort
	int port;

	@Autowired
	IdempotencyStore store;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void replayedCreateIsTheSameAnswerAndCreatesNothing() {
		String marker = unique("create");
		String body = "{\"amount\":1999,\"currency\":\"usd\",\"description\":\"" + marker + "\"}";
		Answer first = this.api.post("/v1/payments", body, key(marker));
		Answer again = this.api.post("/v1/payments", body, key(marker));
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.contentType()).isEqualTo(first.contentType());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(paymentsDescribed(marker)).isEqualTo(1);
		assertThat(events(first.text("id"), "payment.created")).isEqualTo(1);
	}

	@Test
	void replayedDeclineIsTheSame402() {
		String id = this.api.post("/v1/payments", "{\"amount\":1999,\"currency\":\"usd\"}").text("id");
		String body = "{\"payment_method\":" + CARD.formatted("4000000000000002") + "}";
		Map<String, String> key = key(unique("decline"));
		Answer first = this.api.post("/v1/payments/" + id + "/confirm", body, key);
		Answer again = this.api.post("/v1/payments/" + id + "/confirm", body, key);
		assertThat(first.status()).isEqualTo(402);
		assertThat(again.status()).isEqualTo(402);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.contentType()).isEqualTo("application/problem+json");
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(events(id, "payment.failed")).isEqualTo(1);
	}

	@Test
	void replayedCaptureDoesNotCaptureTwice() {
		String id = this.api.post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		Map<String, String> key = key(unique("capture"));
		Answer first = this.api.post("/v1/payments/" + id + "/capture", "{\"amount\":400}", key);
		Answer again = this.api.post("/v1/payments/" + id + "/capture", "{\"amount\":400}", key);
		assertThat(first.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.api.get("/v1/payments/" + id).json().get("amount_received").asLong()).isEqualTo(400);
		assertThat(events(id, "payment.captured")).isEqualTo(1);
	}

	@Test
	void invalidStateConflictIsKeptToo() {
		String id = this.api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		Map<String, String> key = key(unique("conflict"));
		Answer first = this.api.post("/v1/payments/" + id + "/capture", null, key);
		assertThat(first.status()).isEqualTo(409);
		this.api.post("/v1/payments/" + id + "/confirm", "{\"payment_method\":\"pm_card_visa\"}");
		Answer again = this.api.post("/v1/payments/" + id + "/capture", null, key);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void sameKeyWithAnotherRequestIsUnprocessable() {
		Map<String, String> key = key(unique("reuse"));
		assertThat(this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}", key).status()).isEqualTo(201);
		Answer otherBody = this.api.post("/v1/payments", "{\"amount\":101,\"currency\":\"usd\"}", key);
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.text("code")).isEqualTo("idempotency_key_reused");
		assertThat(otherBody.contentType()).isEqualTo("application/problem+json");
		Answer otherPath = this.api.post("/v1/simulator/clock/advance", "{\"amount\":100,\"currency\":\"usd\"}", key);
		assertThat(otherPath.text("code")).isEqualTo("idempotency_key_reused");
	}

	@Test
	void validationFailureIsNotKeptSoTheFixedRequestRuns() {
		String marker = unique("fixed");
		Map<String, String> key = key(marker);
		Answer invalid = this.api.post("/v1/payments", "{\"amount\":100,\"description\":\"" + marker + "\"}", key);
		assertThat(invalid.status()).isEqualTo(400);
		Answer fixed = this.api.post("/v1/payments",
				"{\"amount\":100,\"currency\":\"usd\",\"description\":\"" + marker + "\"}", key);
		assertThat(fixed.status()).isEqualTo(201);
		assertThat(fixed.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void oversizedBodyIsRefusedAndNotKept() {
		Map<String, String> key = key(unique("oversized"));
		Answer tooLarge = this.api.post("/v1/payments",
				"{\"amount\":100,\"currency\":\"usd\",\"description\":\"" + "x".repeat(70_000) + "\"}", key);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.text("code")).isEqualTo("body_too_large");
		assertThat(this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}", key).status()).isEqualTo(201);
	}

	@Test
	void keyStillRunningIsInUseAndAnsweredAtOnce() throws Exception {
		String key = unique("running");
		String body = "{\"amount\":100,\"currency\":\"usd\"}";
		try (AutoCloseable held = HeldKeys.hold(this.store, Namespace.DEFAULT.name(), key, "POST", "/v1/payments",
				body)) {
			Answer busy = this.api.post("/v1/payments", body, Map.of("Idempotency-Key", key));
			assertThat(busy.status()).isEqualTo(409);
			assertThat(busy.text("code")).isEqualTo("idempotency_key_in_use");
		}
	}

	@Test
	void sixtyFourConcurrentRetriesCreateOnePayment() throws Exception {
		String marker = unique("race");
		String body = "{\"amount\":1999,\"currency\":\"usd\",\"description\":\"" + marker + "\"}";
		List<Answer> answers = Concurrently.run(64, (i) -> this.api.post("/v1/payments", body, key(marker)));
		List<Answer> created = answers.stream().filter((answer) -> answer.status() == 201).toList();
		assertThat(created).isNotEmpty();
		assertThat(created).extracting(Answer::body).containsOnly(created.get(0).body());
		assertThat(answers).filteredOn((answer) -> answer.status() != 201).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(409);
			assertThat(answer.text("code")).isEqualTo("idempotency_key_in_use");
		});
		assertThat(paymentsDescribed(marker)).isEqualTo(1);
	}

	@Test
	void keyIsFreedOnceItsTimeToLiveHasPassedOnTheSimulatedClock() {
		String marker = unique("ttl");
		String body = "{\"amount\":1999,\"currency\":\"usd\",\"description\":\"" + marker + "\"}";
		Answer first = this.api.post("/v1/payments", body, key(marker));
		this.api.post("/v1/simulator/clock/advance", "{\"seconds\":86399}");
		Answer withinTtl = this.api.post("/v1/payments", body, key(marker));
		assertThat(withinTtl.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(withinTtl.body()).isEqualTo(first.body());
		this.api.post("/v1/simulator/clock/advance", "{\"seconds\":1}");
		Answer afterTtl = this.api.post("/v1/payments", body, key(marker));
		assertThat(afterTtl.status()).isEqualTo(201);
		assertThat(afterTtl.header("Idempotent-Replayed")).isNull();
		assertThat(afterTtl.text("id")).isNotEqualTo(first.text("id"));
		assertThat(paymentsDescribed(marker)).isEqualTo(2);
	}

	@Test
	void overLongKeyIsInvalid() {
		Answer answer = this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Idempotency-Key", "k".repeat(256)));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text("code")).isEqualTo("parameter_invalid");
		assertThat(answer.text("param")).isEqualTo("Idempotency-Key");
		assertThat(this.api
			.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}", Map.of("Idempotency-Key", "k".repeat(255)))
			.status()).isEqualTo(201);
	}

	@Test
	void keysMustBePrintableAscii() {
		assertThat(IdempotencyFilter.isValidKey("order-1001 retry#2")).isTrue();
		assertThat(IdempotencyFilter.isValidKey("")).isFalse();
		assertThat(IdempotencyFilter.isValidKey("caf\u00e9")).isFalse();
		assertThat(IdempotencyFilter.isValidKey("tab\there")).isFalse();
	}

	private static Map<String, String> key(String key) {
		return Map.of("Idempotency-Key", key);
	}

	private static String unique(String prefix) {
		return prefix + "-" + System.nanoTime();
	}

	private int events(String paymentId, String type) {
		return this.api.get("/v1/events?limit=100&type=" + type + "&payment=" + paymentId).json().get("data").size();
	}

	private long paymentsDescribed(String description) {
		long count = 0;
		String after = null;
		boolean more = true;
		while (more) {
			JsonNode page = this.api.get("/v1/payments?limit=100" + ((after != null) ? "&starting_after=" + after : ""))
				.json();
			for (JsonNode payment : page.get("data")) {
				if (description.equals(payment.get("description").asString(null))) {
					count++;
				}
				after = payment.get("id").asString();
			}
			more = page.get("has_more").asBoolean();
		}
		return count;
	}

}
