package dev.paymentsimulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.paymentsimulator.PaymentSimulatorApplication;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the service lets a delivery already on the wire finish first. */
class GracefulShutdownTests {

	@Test
	void shutdownWaitsForADeliveryUnderWay() throws Exception {
		CountDownLatch received = new CountDownLatch(1);
		AtomicBoolean answered = new AtomicBoolean();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		receiver.setExecutor(Executors.newSingleThreadExecutor());
		receiver.createContext("/slow", (exchange) -> {
			received.countDown();
			try {
				// slower than a shutdown that does not wait, well within the delivery
				// timeout
				TimeUnit.MILLISECONDS.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			answered.set(true);
		});
		receiver.start();
		try {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(PaymentSimulatorApplication.class)
				.properties("server.port=0")
				.run();
			Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			api.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:" + receiver.getAddress().getPort()
					+ "/slow\",\"enabled_events\":[\"payment.created\"]}");
			api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
			assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(answered).isFalse();
			context.close();
			assertThat(answered).as("the receiver answered before the service finished stopping").isTrue();
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	@Timeout(60)
	void stoppingStartsNoNewAttemptAndLeavesTheBacklogOwed() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		receiver.setExecutor(Executors.newFixedThreadPool(16));
		receiver.createContext("/busy", (exchange) -> {
			requests.incrementAndGet();
			try {
				TimeUnit.MILLISECONDS.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(PaymentSimulatorApplication.class)
				.properties("server.port=0", "simulator.webhooks.max-in-flight-per-endpoint=4")
				.run();
			Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			api.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:" + receiver.getAddress().getPort()
					+ "/busy\",\"enabled_events\":[\"payment.created\"]}");
			for (int i = 0; i < 40; i++) {
				api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() > 0);
			context.close();
			// the four under way when it stopped, and any the pass then running had
			// started: never the whole backlog
			assertThat(requests.get()).isLessThanOrEqualTo(8);
		}
		finally {
			receiver.stop(0);
		}
	}

}
