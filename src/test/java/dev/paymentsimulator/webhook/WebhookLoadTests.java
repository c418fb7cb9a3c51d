package dev.paymentsimulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Receivers that hold their requests: the caps on attempts in flight hold, and one
 * receiver that hangs does not hold up another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.webhooks.timeout=20s",
				"simulator.webhooks.max-in-flight-per-endpoint=3", "simulator.webhooks.max-in-flight=5" })
abstract class WebhookLoadTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void aReceiverNeverSeesMoreAttemptsAtOnceThanItsCap() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Api merchant = this.api.withKey("sk_test_load_cap");
			for (int i = 0; i < 10; i++) {
				merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"webhook_url\":\""
						+ receiver.url("/held") + "\"}}");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.concurrent.get() == 3);
			assertThat(merchant.get("/v1/payments?limit=1").status()).as("the API answers meanwhile").isEqualTo(200);
			receiver.release();
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.get() == 10);
			assertThat(receiver.mostAtOnce.get()).isEqualTo(3);
		}
	}

	@Test
	void aHangingEndpointDoesNotHoldUpAnother() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Api merchant = this.api.withKey("sk_test_load_hang");
			merchant.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url("/held") + "\"}");
			merchant.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url("/fast") + "\"}");
			for (int i = 0; i < 20; i++) {
				merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.fast.get() == 20);
			assertThat(receiver.concurrent.get()).isEqualTo(3);
			assertThat(receiver.mostAtOnce.get()).isEqualTo(3);
			receiver.release();
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.get() == 20);
		}
	}

	/**
	 * Connections are opened only for attempts that wait for one: a receiver that closes
	 * each connection after one answer still gets every delivery.
	 */
	@Test
	void aReceiverThatClosesEveryConnectionGetsEveryDelivery() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Api merchant = this.api.withKey("sk_test_load_close");
			merchant.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.url("/closing") + "\"}");
			for (int i = 0; i < 30; i++) {
				merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> receiver.closing.get() == 30);
		}
	}

	/**
	 * Answers {@code /fast} at once, {@code /closing} at once and closing the connection,
	 * and holds {@code /held} until released, counting how many it holds at once.
	 */
	static final class Receiver implements AutoCloseable {

		final AtomicInteger concurrent = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicInteger received = new AtomicInteger();

		final AtomicInteger fast = new AtomicInteger();

		final AtomicInteger closing = new AtomicInteger();

		private final CountDownLatch gate = new CountDownLatch(1);

		private final ExecutorService threads = Executors.newFixedThreadPool(32);

		private final HttpServer server;

		Receiver() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
			this.server.setExecutor(this.threads);
			this.server.createContext("/fast", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				this.fast.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.createContext("/closing", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				this.closing.incrementAndGet();
				exchange.getResponseHeaders().set("Connection", "close");
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.createContext("/held", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				int now = this.concurrent.incrementAndGet();
				this.mostAtOnce.accumulateAndGet(now, Math::max);
				try {
					this.gate.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.concurrent.decrementAndGet();
				this.received.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
		}

		void release() {
			this.gate.countDown();
		}

		@Override
		public void close() {
			release();
			this.server.stop(0);
			this.threads.shutdownNow();
		}

	}

}
