package dev.paymentsimulator.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks against real HTTP receivers, with signatures checked by the independent
 * Standard Webhooks library rather than our own signer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.webhooks.timeout=2s" })
abstract class WebhookTests {

	static WireMockServer receiver;

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	static void startReceiver() {
		receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		receiver.resetAll();
	}

	@AfterEach
	void deleteEndpoints() {
		for (JsonNode endpoint : this.api.get("/v1/webhook_endpoints?limit=100").json().get("data")) {
			this.api.delete("/v1/webhook_endpoints/" + endpoint.get("id").asString());
		}
	}

	@Test
	void lifecycleWritesItsEventsInOrderAndDeliversEachOnceSigned() throws Exception {
		receiver.stubFor(post("/lifecycle").willReturn(aResponse().withStatus(200)));
		Answer endpoint = createEndpoint("/lifecycle", "[\"*\"]");
		String id = this.api.post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		this.api.post("/v1/payments/" + id + "/capture", "{\"amount\":800}");
		Answer refund = this.api.post("/v1/payments/" + id + "/refunds", "{\"amount\":300}");

		JsonNode events = this.api.get("/v1/events?payment=" + id).json().get("data");
		List<String> types = new ArrayList<>();
		events.forEach((event) -> types.add(0, event.get("type").asString()));
		assertThat(types).containsExactly("payment.created", "payment.authorized", "payment.captured",
				"payment.refunded");
		JsonNode refunded = events.get(0);
		assertThat(refunded.get("object").asString()).isEqualTo("event");
		assertThat(refunded.get("data").get("refund").get("id").asString()).isEqualTo(refund.text("id"));
		assertThat(refunded.get("data").get("payment").get("amount_refunded").asLong()).isEqualTo(300);
		assertThat(events.get(1).get("data").get("payment").get("status").asString()).isEqualTo("captured");
		assertThat(events.get(1).get("data").get("refund").isNull()).isTrue();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/lifecycle")))).hasSize(4));
		Webhook verifier = new Webhook(endpoint.text("secret"));
		List<String> delivered = new ArrayList<>();
		for (LoggedRequest request : receiver.findAll(postRequestedFor(urlEqualTo("/lifecycle")))) {
			verifier.verify(request.getBodyAsString(), headers(request));
			delivered.add(request.getHeader("webhook-id"));
			String eventId = request.getHeader("webhook-id");
			assertThat(request.getBodyAsString()).isEqualTo(this.api.get("/v1/events/" + eventId).body());
		}
		List<String> eventIds = new ArrayList<>();
		events.forEach((event) -> eventIds.add(event.get("id").asString()));
		assertThat(delivered).containsExactlyInAnyOrderElementsOf(eventIds);
	}

	/**
	 * What the receiver answered is in the delivery log beside what was sent: its status,
	 * its headers and the first KiB of its body.
	 */
	@Test
	void theDeliveryLogKeepsTheReceiversAnswer() {
		receiver.stubFor(post("/answers").willReturn(
				aResponse().withStatus(500).withHeader("X-Receiver", "inspected").withBody("é" + "y".repeat(3000))));
		createEndpoint("/answers", "[\"payment.created\"]");
		String payment = this.api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		String event = this.api.get("/v1/events?payment=" + payment).json().get("data").get(0).get("id").asString();
		JsonNode delivery = this.api.awaitDelivery(event, 1);
		assertThat(delivery.get("status_code").asInt()).isEqualTo(500);
		assertThat(delivery.get("response_headers").get("x-receiver").asString()).isEqualTo("inspected");
		assertThat(delivery.get("response_body").asString()).startsWith("éyyy")
			.hasSize(1023)
			.isEqualTo(("é" + "y".repeat(3000)).substring(0, 1023));
		assertThat(delivery.get("request_body").asString()).isEqualTo(this.api.get("/v1/events/" + event).body());
	}

	/**
	 * The log shows the bytes the receiver got and the headers that signed them, even
	 * once the payment has moved on: in memory the body is rendered again from the event
	 * when the log is read, not kept per attempt.
	 */
	@Test
	void theDeliveryLogShowsTheSignedBytesAfterThePaymentMovedOn() throws Exception {
		receiver.stubFor(post("/moved-on").willReturn(aResponse().withStatus(204)));
		Answer endpoint = createEndpoint("/moved-on", "[\"payment.created\"]");
		String payment = createPayment();
		String event = firstEvent(payment);
		this.api.awaitDelivery(event, 1);
		assertThat(this.api.post("/v1/payments/" + payment + "/cancel", "{}").status()).isEqualTo(200);

		LoggedRequest sent = receiver.findAll(postRequestedFor(urlEqualTo("/moved-on"))).get(0);
		JsonNode delivery = this.api.get("/v1/events/" + event + "/deliveries").json().get("data").get(0);
		assertThat(delivery.get("request_body").asString()).isEqualTo(sent.getBodyAsString())
			.contains("\"status\":\"created\"");
		Map<String, List<String>> logged = new java.util.HashMap<>();
		delivery.get("request_headers")
			.properties()
			.forEach((header) -> logged.put(header.getKey(), List.of(header.getValue().asString())));
		new Webhook(endpoint.text("secret")).verify(delivery.get("request_body").asString(), logged);
	}

	@Test
	void aReceiverThatAnswersNothingLeavesNoAnswerInTheLog() {
		createEndpoint("/nothing", "[\"payment.created\"]");
		receiver.stubFor(post("/nothing").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String payment = this.api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		String event = this.api.get("/v1/events?payment=" + payment).json().get("data").get(0).get("id").asString();
		JsonNode delivery = this.api.awaitDelivery(event, 1);
		assertThat(delivery.get("status_code").isNull()).isTrue();
		assertThat(delivery.get("response_headers").isNull()).isTrue();
		assertThat(delivery.get("response_body").isNull()).isTrue();
	}

	@Test
	void failingReceiverIsRetriedOnTheClockUntilItSucceeds() throws Exception {
		String scenario = "flaky";
		receiver.stubFor(post("/flaky").inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("2"));
		receiver.stubFor(post("/flaky").inScenario(scenario)
			.whenScenarioStateIs("2")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("3"));
		receiver.stubFor(post("/flaky").inScenario(scenario)
			.whenScenarioStateIs("3")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("healed"));
		receiver.stubFor(post("/flaky").inScenario(scenario)
			.whenScenarioStateIs("healed")
			.willReturn(aResponse().withStatus(204)));
		Answer endpoint = createEndpoint("/flaky", "[\"payment.created\"]");
		String eventId = firstEvent(createPayment());

		for (int attempt = 1; attempt <= 3; attempt++) {
			JsonNode failed = this.api.awaitDelivery(eventId, attempt);
			assertThat(failed.get("status_code").asInt()).isEqualTo(500);
			assertThat(failed.get("error").asString()).isEqualTo("unexpected_status");
			this.api.advanceClockTo(failed.get("next_attempt_at").asLong());
		}
		JsonNode last = this.api.awaitDelivery(eventId, 4);
		assertThat(last.get("status_code").asInt()).isEqualTo(204);
		assertThat(last.get("error").isNull()).isTrue();
		assertThat(last.get("next_attempt_at").isNull()).isTrue();

		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/flaky")));
		assertThat(requests).hasSize(4);
		Webhook verifier = new Webhook(endpoint.text("secret"));
		for (LoggedRequest request : requests) {
			assertThat(request.getHeader("webhook-id")).isEqualTo(eventId);
			assertThat(request.getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
			verifier.verify(request.getBodyAsString(), headers(request));
		}
		JsonNode log = this.api.get("/v1/events/" + eventId + "/deliveries").json().get("data");
		assertThat(log.size()).isEqualTo(4);
		assertThat(log.get(0).get("attempt").asInt()).isEqualTo(4);
		assertThat(log.get(3).get("request_body").asString()).isEqualTo(requests.get(0).getBodyAsString());
		assertThat(log.get(3).get("request_headers").get("webhook-id").asString()).isEqualTo(eventId);
	}

	@Test
	void retriesFollowTheScheduleWithJitter() {
		receiver.stubFor(post("/down").willReturn(aResponse().withStatus(500)));
		createEndpoint("/down", "[\"payment.created\"]");
		String eventId = firstEvent(createPayment());
		long[] expected = { 5, 300, 1800 };
		for (int attempt = 1; attempt <= expected.length; attempt++) {
			JsonNode failed = this.api.awaitDelivery(eventId, attempt);
			long wait = failed.get("next_attempt_at").asLong() - failed.get("created").asLong();
			assertThat(wait).isBetween((long) Math.floor(expected[attempt - 1] * 0.9),
					(long) Math.ceil(expected[attempt - 1] * 1.1));
			this.api.advanceClockTo(failed.get("next_attempt_at").asLong());
		}
	}

	@Test
	void goneDisablesTheEndpoint() {
		receiver.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
		String endpointId = createEndpoint("/gone", "[\"*\"]").text("id");
		String eventId = firstEvent(createPayment());
		JsonNode attempt = this.api.awaitDelivery(eventId, 1);
		assertThat(attempt.get("status_code").asInt()).isEqualTo(410);
		assertThat(attempt.get("next_attempt_at").isNull()).isTrue();
		assertThat(this.api.get("/v1/webhook_endpoints/" + endpointId).json().get("disabled").asBoolean()).isTrue();
		String later = firstEvent(createPayment());
		this.api.post("/v1/simulator/clock/advance", "{\"seconds\":3600}");
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.api.get("/v1/events/" + later + "/deliveries").json().get("data").isEmpty());
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/gone")))).hasSize(1);
	}

	@Test
	void retryAfterIsHonoured() {
		receiver.stubFor(post("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
		createEndpoint("/busy", "[\"payment.created\"]");
		String eventId = firstEvent(createPayment());
		JsonNode attempt = this.api.awaitDelivery(eventId, 1);
		assertThat(attempt.get("status_code").asInt()).isEqualTo(503);
		assertThat(attempt.get("next_attempt_at").asLong() - attempt.get("created").asLong()).isEqualTo(120);
	}

	@Test
	void refusedConnectionIsRetried() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.api.post("/v1/webhook_endpoints",
				"{\"url\":\"http://localhost:" + closedPort + "/nobody\",\"enabled_events\":[\"payment.created\"]}");
		String eventId = firstEvent(createPayment());
		JsonNode attempt = this.api.awaitDelivery(eventId, 1);
		assertThat(attempt.get("status_code").isNull()).isTrue();
		assertThat(attempt.get("error").asString()).isEqualTo("connection_refused");
		assertThat(attempt.get("next_attempt_at").isNull()).isFalse();
	}

	@Test
	void slowAnswerPastTheTimeoutIsRetried() {
		receiver.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
		createEndpoint("/slow", "[\"payment.created\"]");
		String eventId = firstEvent(createPayment());
		JsonNode attempt = this.api.awaitDelivery(eventId, 1);
		assertThat(attempt.get("error").asString()).isEqualTo("timeout");
		assertThat(attempt.get("next_attempt_at").isNull()).isFalse();
	}

	@Test
	void redirectIsNotFollowedAndIsRetried() {
		receiver.stubFor(post("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/elsewhere")));
		createEndpoint("/moved", "[\"payment.created\"]");
		JsonNode attempt = this.api.awaitDelivery(firstEvent(createPayment()), 1);
		assertThat(attempt.get("status_code").asInt()).isEqualTo(301);
		assertThat(attempt.get("error").asString()).isEqualTo("redirect_not_followed");
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
	}

	@Test
	void apiCallReturnsBeforeAHangingReceiverAnswers() throws Exception {
		CountDownLatch received = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		HttpServer hanging = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		hanging.setExecutor(Executors.newSingleThreadExecutor());
		hanging.createContext("/hang", (exchange) -> {
			received.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		hanging.start();
		try {
			this.api.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:" + hanging.getAddress().getPort()
					+ "/hang\",\"enabled_events\":[\"payment.created\"]}");
			Answer created = this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
			assertThat(created.status()).isEqualTo(201);
			assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(release.getCount()).isEqualTo(1);
			Answer next = this.api.get("/v1/payments/" + created.text("id"));
			assertThat(next.status()).isEqualTo(200);
		}
		finally {
			release.countDown();
			hanging.stop(0);
		}
	}

	@Test
	void afterRotationDeliveriesCarryBothSignatures() throws Exception {
		receiver.stubFor(post("/rotated").willReturn(aResponse().withStatus(200)));
		Answer endpoint = createEndpoint("/rotated", "[\"payment.created\"]");
		Answer rotated = this.api.post("/v1/webhook_endpoints/" + endpoint.text("id") + "/rotate_secret",
				"{\"expire_old_in_seconds\":3600}");
		assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(endpoint.text("secret"));
		createPayment();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/rotated")))).hasSize(1));
		LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/rotated"))).get(0);
		String[] signatures = request.getHeader("webhook-signature").split(" ");
		assertThat(signatures).hasSize(2);
		for (String secret : List.of(endpoint.text("secret"), rotated.text("secret"))) {
			Map<String, List<String>> onlyOne = new java.util.HashMap<>(headers(request));
			String mine = new Webhook(secret).sign(request.getHeader("webhook-id"),
					Long.parseLong(request.getHeader("webhook-timestamp")), request.getBodyAsString());
			assertThat(signatures).contains(mine);
			onlyOne.put("webhook-signature", List.of(mine));
			new Webhook(secret).verify(request.getBodyAsString(), onlyOne);
		}
		this.api.post("/v1/simulator/clock/advance", "{\"seconds\":3600}");
		createPayment();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/rotated")))).hasSize(2));
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/rotated")))
			.stream()
			.map((logged) -> logged.getHeader("webhook-signature").split(" ").length)).contains(1);
	}

	@Test
	void paymentsOwnWebhookUrlGetsItsEventsSignedWithTheDefaultSecret() throws Exception {
		receiver.stubFor(post("/own").willReturn(aResponse().withStatus(200)));
		this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"webhook_url\":\""
				+ receiver.baseUrl() + "/own\"}}");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/own")))).hasSize(1));
		Answer secret = this.api.get("/v1/simulator/webhook_secret");
		assertThat(secret.text("object")).isEqualTo("webhook_secret");
		LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/own"))).get(0);
		new Webhook(secret.text("secret")).verify(request.getBodyAsString(), headers(request));
		Answer bad = this.api.post("/v1/payments",
				"{\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"webhook_url\":\"not a url\"}}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text("param")).isEqualTo("metadata.webhook_url");
	}

	@Test
	void redeliverSendsAgainNow() {
		receiver.stubFor(post("/again").willReturn(aResponse().withStatus(200)));
		createEndpoint("/again", "[\"payment.created\"]");
		String eventId = firstEvent(createPayment());
		this.api.awaitDelivery(eventId, 1);
		Answer redelivered = this.api.post("/v1/events/" + eventId + "/redeliver", null);
		assertThat(redelivered.status()).isEqualTo(202);
		assertThat(redelivered.text("id")).isEqualTo(eventId);
		assertThat(this.api.awaitDelivery(eventId, 2).get("status_code").asInt()).isEqualTo(200);
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/again")))).hasSize(2);
		assertThat(this.api.post("/v1/events/evt_nope/redeliver", null).status()).isEqualTo(404);
	}

	@Test
	void verifyNamesEachFailure() throws Exception {
		receiver.stubFor(post("/verify").willReturn(aResponse().withStatus(200)));
		Answer endpoint = createEndpoint("/verify", "[\"payment.created\"]");
		String secret = endpoint.text("secret");
		createPayment();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/verify")))).hasSize(1));
		LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/verify"))).get(0);
		String body = request.getBodyAsString();
		Map<String, String> headers = Map.of("webhook-id", request.getHeader("webhook-id"), "webhook-timestamp",
				request.getHeader("webhook-timestamp"), "webhook-signature", request.getHeader("webhook-signature"));

		assertThat(verify(body, headers, secret).get("valid").asBoolean()).isTrue();
		assertThat(verify(body, headers, null).get("valid").asBoolean()).isTrue();

		JsonNode tree = tools.jackson.databind.json.JsonMapper.builder()
			.enable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build()
			.readTree(body);
		String reserialized = tools.jackson.databind.json.JsonMapper.builder()
			.enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValueAsString(tree);
		assertThat(reserialized).isNotEqualTo(body);
		JsonNode mismatch = verify(reserialized, headers, secret);
		assertThat(mismatch.get("reason").asString()).isEqualTo("body_mismatch");
		assertThat(mismatch.get("message").asString()).contains("re-serialized");

		String otherSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
		assertThat(verify(body, headers, otherSecret).get("reason").asString()).isEqualTo("wrong_secret");

		long stale = Long.parseLong(request.getHeader("webhook-timestamp")) - 600;
		String staleSignature = new Webhook(secret).sign(request.getHeader("webhook-id"), stale, body);
		JsonNode old = verify(body, Map.of("webhook-id", request.getHeader("webhook-id"), "webhook-timestamp",
				Long.toString(stale), "webhook-signature", staleSignature), secret);
		assertThat(old.get("reason").asString()).isEqualTo("timestamp_out_of_window");

		JsonNode missing = verify(body, Map.of("webhook-id", request.getHeader("webhook-id"), "webhook-timestamp",
				request.getHeader("webhook-timestamp")), secret);
		assertThat(missing.get("valid").asBoolean()).isFalse();
		assertThat(missing.get("reason").asString()).isEqualTo("missing_header");

		JsonNode malformed = verify(body, Map.of("webhook-id", request.getHeader("webhook-id"), "webhook-timestamp",
				"yesterday", "webhook-signature", request.getHeader("webhook-signature")), secret);
		assertThat(malformed.get("reason").asString()).isEqualTo("malformed_header");
		assertThat(this.api.post("/v1/webhooks/verify", "{\"body\":\"x\",\"headers\":{}}").json().get("secret"))
			.isNull();
	}

	@Test
	void waitAnswersWithAnEventFromAConcurrentRequestOr408() throws Exception {
		String id = this.api.post("/v1/payments",
				"{\"amount\":500,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(
				() -> this.api.get("/v1/events/wait?type=payment.captured&payment=" + id + "&timeout_ms=20000"));
		this.api.post("/v1/payments/" + id + "/capture", null);
		Answer found = waiting.get(25, TimeUnit.SECONDS);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.text("type")).isEqualTo("payment.captured");
		assertThat(found.json().get("data").get("payment").get("id").asString()).isEqualTo(id);

		Answer timedOut = this.api.get("/v1/events/wait?type=payment.refunded&payment=" + id + "&timeout_ms=100");
		assertThat(timedOut.status()).isEqualTo(408);
		assertThat(timedOut.contentType()).isEqualTo("application/problem+json");
		assertThat(this.api.get("/v1/events/wait?timeout_ms=30001").status()).isEqualTo(400);
	}

	@Test
	void endpointsAreManagedAndValidated() {
		Answer created = createEndpoint("/managed", "[\"payment.captured\",\"payment.refunded\"]");
		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		assertThat(id).startsWith("we_");
		assertThat(created.text("secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
		Answer fetched = this.api.get("/v1/webhook_endpoints/" + id);
		assertThat(fetched.json().has("secret")).isFalse();
		Answer updated = this.api.post("/v1/webhook_endpoints/" + id, "{\"enabled_events\":[\"*\"],\"disabled\":true}");
		assertThat(updated.json().get("disabled").asBoolean()).isTrue();
		assertThat(updated.json().get("enabled_events").get(0).asString()).isEqualTo("*");
		for (String url : List.of("ftp://example.test/x", "http://user:pw@localhost/x", "/relative", "not a url")) {
			Answer bad = this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + url + "\"}");
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.text("param")).isEqualTo("url");
		}
		assertThat(this.api
			.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost/x\",\"enabled_events\":[\"payment.exploded\"]}")
			.text("param")).isEqualTo("enabled_events");
		Answer deleted = this.api.delete("/v1/webhook_endpoints/" + id);
		assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
		assertThat(this.api.get("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
	}

	private Answer createEndpoint(String path, String events) {
		Answer answer = this.api.post("/v1/webhook_endpoints",
				"{\"url\":\"" + receiver.baseUrl() + path + "\",\"enabled_events\":" + events + "}");
		assertThat(answer.status()).isEqualTo(201);
		return answer;
	}

	private String createPayment() {
		return this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}").text("id");
	}

	private String firstEvent(String paymentId) {
		return this.api.get("/v1/events?type=payment.created&payment=" + paymentId)
			.json()
			.get("data")
			.get(0)
			.get("id")
			.asString();
	}

	private JsonNode verify(String body, Map<String, String> headers, String secret) {
		StringBuilder json = new StringBuilder("{\"body\":").append(quote(body)).append(",\"headers\":{");
		json.append(String.join(",",
				headers.entrySet()
					.stream()
					.map((entry) -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
					.toList()));
		json.append("}");
		if (secret != null) {
			json.append(",\"secret\":").append(quote(secret));
		}
		Answer answer = this.api.post("/v1/webhooks/verify", json.append("}").toString());
		assertThat(answer.status()).isEqualTo(200);
		return answer.json();
	}

	private static String quote(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
	}

	private static Map<String, List<String>> headers(LoggedRequest request) {
		Map<String, List<String>> headers = new java.util.HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, List.of(request.getHeader(name)));
		}
		return headers;
	}

}
