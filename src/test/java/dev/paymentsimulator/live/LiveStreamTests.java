package dev.paymentsimulator.live;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /v1/simulator/stream}: a namespace's events in the order they were made, and
 * its delivery attempts, to that namespace only; a reader that stops reading is let go
 * once its bounded queue is full, and the others keep theirs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.live.max-queued=8")
class LiveStreamTests {

	private static final String CONFIRMED = "{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";

	@LocalServerPort
	int port;

	@Autowired
	LiveStream live;

	private final List<CompletableFuture<?>> streams = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		this.streams.forEach((stream) -> stream.cancel(true));
	}

	@Test
	void eventsArriveInTheOrderTheyWereMadeToTheirNamespaceOnly() {
		List<String> lines = follow("sk_test_live_ordered");
		List<String> elsewhere = follow("sk_test_live_elsewhere");
		Api api = new Api(this.port).withKey("sk_test_live_ordered");
		List<String> payments = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			payments.add(api.post("/v1/payments", CONFIRMED).text("id"));
		}
		new Api(this.port).withKey("sk_test_live_other").post("/v1/payments", CONFIRMED);
		List<String> made = new ArrayList<>();
		api.get("/v1/events?limit=100").json().get("data").forEach((event) -> made.add(0, event.get("id").asString()));
		assertThat(made).hasSize(6);
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(lines, "event").size() == made.size());
		assertThat(ids(lines, "event")).containsExactlyElementsOf(made);
		assertThat(lines).contains("event:ready");
		assertThat(ids(elsewhere, "event")).isEmpty();
		assertThat(String.join("\n", lines)).contains(payments.get(0)).doesNotContain("sk_test_");
	}

	@Test
	void deliveryAttemptsArriveAsTheyAreMade() {
		List<String> lines = follow("sk_test_live_deliveries");
		Api api = new Api(this.port).withKey("sk_test_live_deliveries");
		api.post("/v1/webhook_endpoints",
				"{\"url\":\"http://127.0.0.1:9/hooks\",\"enabled_events\":[\"payment.created\"]}");
		String payment = api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		String event = api.get("/v1/events?payment=" + payment).json().get("data").get(0).get("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> !ids(lines, "delivery").isEmpty());
		JsonNode delivery = api.get("/v1/events/" + event + "/deliveries").json().get("data").get(0);
		assertThat(ids(lines, "delivery")).contains(delivery.get("id").asString());
		assertThat(String.join("\n", lines)).contains("\"error\":\"connection_refused\"");
	}

	@Test
	void aReaderThatNeverReadsIsLetGoAndTheOthersKeepTheirs() throws Exception {
		Namespace stalled = new Namespace("live_stalled");
		List<String> steady = follow("sk_test_live_steady");
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("localhost", this.port));
			OutputStream out = socket.getOutputStream();
			out.write(("GET /v1/simulator/stream HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Bearer sk_test_live_stalled\r\nAccept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.live.subscribers(stalled) == 1);
			// large events fill the socket's buffers, then the queue of 8, and then it
			// is let go
			Api api = new Api(this.port).withKey("sk_test_live_stalled");
			StringBuilder metadata = new StringBuilder("{");
			for (int key = 0; key < 50; key++) {
				metadata.append((key > 0) ? "," : "")
					.append("\"k")
					.append(key)
					.append("\":\"")
					.append("x".repeat(500))
					.append('"');
			}
			String large = "{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\","
					+ "\"metadata\":" + metadata + "}}";
			for (int i = 0; i < 400 && this.live.subscribers(stalled) > 0; i++) {
				assertThat(api.post("/v1/payments", large).status()).isEqualTo(201);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.live.subscribers(stalled) == 0);
			String after = new Api(this.port).withKey("sk_test_live_steady").post("/v1/payments", CONFIRMED).text("id");
			await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", steady).contains(after));
		}
	}

	/** Opens the stream and collects its lines as they come, until the test ends. */
	private List<String> follow(String key) {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/v1/simulator/stream"))
			.header("Authorization", "Bearer " + key)
			.header("Accept", "text/event-stream")
			.build();
		CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
			.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.streams.add(response.thenAcceptAsync((answer) -> answer.body().forEach(lines::add)));
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
		return lines;
	}

	/** The ids of the messages of this name, in the order they came. */
	private static List<String> ids(List<String> lines, String name) {
		List<String> ids = new ArrayList<>();
		List<String> seen = new ArrayList<>(lines);
		for (int i = 0; i + 1 < seen.size(); i++) {
			if (seen.get(i).equals("event:" + name) && seen.get(i + 1).startsWith("id:")) {
				ids.add(seen.get(i + 1).substring(3));
			}
		}
		return ids;
	}

}
