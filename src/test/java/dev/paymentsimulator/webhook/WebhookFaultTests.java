package dev.paymentsimulator.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Receivers that break in every way a network can: each failure is retried, and the event
 * is delivered once the receiver heals. Nothing is lost, and nothing reaches an endpoint
 * that was disabled meanwhile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.webhooks.timeout=1s" })
abstract class WebhookFaultTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
			"RANDOM_DATA_THEN_CLOSE" })
	void brokenAnswersAreRetriedUntilDelivered(Fault fault) {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			String key = "sk_test_fault_" + fault.name().toLowerCase();
			receiver.stubFor(post("/hook").willReturn(aResponse().withFault(fault)));
			String eventId = eventFor(key, receiver.baseUrl() + "/hook");
			JsonNode failed = attempt(key, eventId, 1);
			assertThat(failed.get("error").isNull()).isFalse();
			receiver.resetAll();
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
			advanceTo(key, failed.get("next_attempt_at").asLong());
			assertThat(attempt(key, eventId, 2).get("status_code").asInt()).isEqualTo(200);
			assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void slowAnswerAnd500AreRetriedUntilDelivered() {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			String key = "sk_test_fault_slow";
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
			String eventId = eventFor(key, receiver.baseUrl() + "/hook");
			JsonNode slow = attempt(key, eventId, 1);
			assertThat(slow.get("error").asString()).isEqualTo("timeout");
			receiver.resetAll();
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
			advanceTo(key, slow.get("next_attempt_at").asLong());
			JsonNode failing = attempt(key, eventId, 2);
			assertThat(failing.get("status_code").asInt()).isEqualTo(500);
			receiver.resetAll();
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
			advanceTo(key, failing.get("next_attempt_at").asLong());
			assertThat(attempt(key, eventId, 3).get("status_code").asInt()).isEqualTo(204);
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void aBodyThatStallsAfterTheHeadersIsATimeoutRetriedUntilDelivered() throws Exception {
		try (StallingReceiver receiver = new StallingReceiver()) {
			String key = "sk_test_fault_stalled";
			String eventId = eventFor(key, receiver.url());
			JsonNode stalled = attempt(key, eventId, 1);
			assertThat(stalled.get("error").asString()).isEqualTo("timeout");
			assertThat(stalled.get("status_code").isNull()).isTrue();
			assertThat(stalled.get("duration_ms").asLong()).isLessThan(5000);
			receiver.heal();
			advanceTo(key, stalled.get("next_attempt_at").asLong());
			assertThat(attempt(key, eventId, 2).get("status_code").asInt()).isEqualTo(200);
		}
	}

	@Test
	void refusedConnectionIsRetriedUntilTheReceiverComesUp() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String key = "sk_test_fault_refused";
		String eventId = eventFor(key, "http://localhost:" + port + "/hook");
		JsonNode refused = attempt(key, eventId, 1);
		assertThat(refused.get("error").asString()).isEqualTo("connection_refused");
		WireMockServer receiver = new WireMockServer(options().port(port));
		receiver.start();
		try {
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
			advanceTo(key, refused.get("next_attempt_at").asLong());
			assertThat(attempt(key, eventId, 2).get("status_code").asInt()).isEqualTo(200);
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void nothingIsDeliveredToAnEndpointDisabledMeanwhile() {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			String key = "sk_test_fault_disabled";
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
			String eventId = eventFor(key, receiver.baseUrl() + "/hook");
			JsonNode failed = attempt(key, eventId, 1);
			String endpointId = failed.get("endpoint").asString();
			this.api.post("/v1/webhook_endpoints/" + endpointId, "{\"disabled\":true}", auth(key));
			receiver.resetAll();
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
			advanceTo(key, failed.get("next_attempt_at").asLong() + 86_400);
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(3))
				.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).isEmpty());
			assertThat(deliveries(key, eventId).size()).isEqualTo(1);
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void aRetryARedeliveryMadeMeanwhileIsNotSentAgain() {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			String key = "sk_test_fault_redelivered";
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
			String eventId = eventFor(key, receiver.baseUrl() + "/hook");
			JsonNode failed = attempt(key, eventId, 1);
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
			this.api.post("/v1/events/" + eventId + "/redeliver", null, auth(key));
			assertThat(attempt(key, eventId, 2).get("status_code").asInt()).isEqualTo(200);

			advanceTo(key, failed.get("next_attempt_at").asLong() + 1);
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(3))
				.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size() == 2);
			assertThat(deliveries(key, eventId).size()).isEqualTo(2);
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void anAttemptThatEndsAfterAResetLeavesNothingInTheNamespace() {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			String key = "sk_test_fault_reset";
			receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500).withFixedDelay(700)));
			eventFor(key, receiver.baseUrl() + "/hook");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).isEmpty());
			long ended = attemptsEnded();
			this.api.post("/v1/simulator/reset", null, auth(key));
			await().atMost(Duration.ofSeconds(10)).until(() -> attemptsEnded() > ended);

			JsonNode deleted = this.api.post("/v1/simulator/reset", null, auth(key)).json().get("deleted");
			assertThat(deleted.get("webhook_deliveries").asLong()).isZero();
			assertThat(deleted.get("pending_retries").asLong()).isZero();
		}
		finally {
			receiver.stop();
		}
	}

	/** Attempts that ended, however they went, over all namespaces. */
	private long attemptsEnded() {
		return this.api.get("/actuator/prometheus")
			.body()
			.lines()
			.filter((line) -> line.startsWith("simulator_webhook_delivery_duration_seconds_count"))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private String eventFor(String key, String url) {
		this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + url + "\",\"enabled_events\":[\"payment.created\"]}",
				auth(key));
		Answer payment = this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}", auth(key));
		return get(key, "/v1/events?payment=" + payment.text("id")).get("data").get(0).get("id").asString();
	}

	private JsonNode attempt(String key, String eventId, int attempt) {
		return this.api.withKey(key).awaitDelivery(eventId, attempt);
	}

	private JsonNode deliveries(String key, String eventId) {
		return get(key, "/v1/events/" + eventId + "/deliveries").get("data");
	}

	private void advanceTo(String key, long unixSeconds) {
		this.api.withKey(key).advanceClockTo(unixSeconds);
	}

	private JsonNode get(String key, String path) {
		return this.api.withKey(key).get(path).json();
	}

	private static Map<String, String> auth(String key) {
		return Map.of("Authorization", "Bearer " + key);
	}

	/**
	 * Answers {@code 200} with a body it never finishes sending, until healed; then
	 * answers {@code 200} at once.
	 */
	private static final class StallingReceiver implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0);

		private final List<Socket> held = new CopyOnWriteArrayList<>();

		private volatile boolean healed;

		StallingReceiver() throws IOException {
			Thread acceptor = new Thread(this::serve, "stalling-receiver");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		String url() {
			return "http://localhost:" + this.server.getLocalPort() + "/hook";
		}

		void heal() {
			this.healed = true;
		}

		private void serve() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					this.held.add(socket);
					readRequest(socket.getInputStream());
					OutputStream out = socket.getOutputStream();
					if (this.healed) {
						out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
					}
					else {
						out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nstart of a body that never ends"
							.getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				catch (IOException closed) {
					return;
				}
			}
		}

		private static void readRequest(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					return;
				}
				head.append((char) b);
			}
			java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
				.matcher(head);
			if (length.find()) {
				in.readNBytes(Integer.parseInt(length.group(1)));
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.held) {
				socket.close();
			}
		}

	}

}
