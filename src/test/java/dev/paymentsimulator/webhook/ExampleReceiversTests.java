package dev.paymentsimulator.webhook;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receivers in {@code examples/}, run as a user runs them, against a running
 * simulator: each verifies the signatures of the webhooks a lifecycle sends, prints them,
 * and refuses a request whose body was changed. A runtime that is missing skips its
 * receiver, except with {@code CI=true}, where {@code .ci/run} installs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExampleReceiversTests {

	@LocalServerPort
	int port;

	private Process receiver;

	private final List<String> printed = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			// Maven's spring-boot:run starts the receiver in a JVM of its own
			this.receiver.descendants().forEach(ProcessHandle::destroyForcibly);
			this.receiver.destroyForcibly();
		}
	}

	@Test
	void pythonReceiverVerifiesEveryWebhookAndRefusesATamperedOne() throws Exception {
		requireRuntime("python3");
		verifiesALifecycle("python", List.of("python3", "examples/python/receiver.py"));
	}

	@Test
	void nodeReceiverVerifiesEveryWebhookAndRefusesATamperedOne() throws Exception {
		requireRuntime("node");
		requireRuntime("npm");
		Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
			.directory(new File("examples/node"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(install.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(install.exitValue()).isZero();
		verifiesALifecycle("node", List.of("node", "examples/node/receiver.mjs"));
	}

	/** Built and started with this repository's Maven wrapper, as its README says. */
	@Test
	void javaReceiverVerifiesEveryWebhookAndRefusesATamperedOne() throws Exception {
		verifiesALifecycle("java", List.of("./mvnw", "-B", "-q", "-f", "examples/java/pom.xml", "spring-boot:run"));
	}

	private void verifiesALifecycle(String namespace, List<String> command) throws Exception {
		// a namespace per receiver: the endpoints of receivers already stopped get no
		// deliveries
		Api api = new Api(this.port).withKey("sk_test_" + namespace);
		int receiverPort = freePort();
		String secret = api
			.post("/v1/webhook_endpoints",
					"{\"url\":\"http://127.0.0.1:" + receiverPort + "/webhooks\",\"enabled_events\":[\"*\"]}")
			.text("secret");
		start(command, secret, receiverPort);

		String id = api
			.post("/v1/payments",
					"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.printed)
				.anyMatch((line) -> line.startsWith("signature verified: payment.created"))
				.anyMatch((line) -> line.startsWith("signature verified: payment.succeeded")));
		assertThat(this.printed).noneMatch((line) -> line.startsWith("signature invalid"));
		assertThat(api.get("/v1/payments/" + id).text("status")).isEqualTo("succeeded");

		HttpResponse<String> tampered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiverPort + "/webhooks"))
				.header("webhook-id", "evt_tampered")
				.header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
				.header("webhook-signature", "v1,bm90IHRoZSBzaWduYXR1cmU=")
				.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"evt_tampered\",\"type\":\"payment.created\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tampered.statusCode()).isEqualTo(400);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.printed).anyMatch((line) -> line.startsWith("signature invalid")));
	}

	private void start(List<String> command, String secret, int receiverPort) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("WEBHOOK_SECRET", secret);
		builder.environment().put("PORT", Integer.toString(receiverPort));
		this.receiver = builder.start();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.receiver.getInputStream(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(this.printed::add);
			}
			catch (IOException ended) {
				// the receiver was stopped
			}
		});
		reader.setDaemon(true);
		reader.start();
		// the Java receiver is compiled first
		await().atMost(Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(this.printed).anyMatch((line) -> line.startsWith("listening on")));
	}

	private static void requireRuntime(String runtime) {
		boolean present = Commands.onPath(runtime).isPresent();
		if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but " + runtime + " is not on the PATH (.ci/run installs it)");
		}
		Assumptions.assumeTrue(present, runtime + " is not installed");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
