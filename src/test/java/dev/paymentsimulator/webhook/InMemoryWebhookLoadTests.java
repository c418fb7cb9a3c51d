package dev.paymentsimulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;

/** {@link WebhookLoadTests} against the in-memory store, and the threads under load. */
class InMemoryWebhookLoadTests extends WebhookLoadTests {

	/**
	 * How far the client's pool may grow from its two idle threads: to eight plus
	 * {@code simulator.webhooks.threads} (two).
	 */
	private static final int POOL_GROWTH_AT_MOST = 8;

	@Test
	void tenThousandDeliveriesKeepTheThreadsWithinTheirBound() throws Exception {
		try (Receiver receiver = new Receiver()) {
			Api merchant = this.api.withKey("sk_test_load_threads");
			for (int i = 0; i < 16; i++) {
				merchant.post("/v1/webhook_endpoints",
						"{\"url\":\"" + receiver.url("/fast") + "\",\"enabled_events\":[\"payment.created\"]}");
			}
			merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.fast.get() == 16);
			// other test contexts in this JVM have sender threads too, idle by now
			int before = webhookThreads().size();
			long unnamedBefore = unnamedThreads();
			for (int i = 0; i < 624; i++) {
				merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
				assertThat(webhookThreads()).hasSizeLessThanOrEqualTo(before + POOL_GROWTH_AT_MOST);
				assertThat(unnamedThreads()).isLessThanOrEqualTo(unnamedBefore);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> receiver.fast.get() == 10_000);
			assertThat(webhookThreads()).hasSizeLessThanOrEqualTo(before + POOL_GROWTH_AT_MOST);
		}
	}

	/**
	 * Threads an executor nobody named makes: the JDK client's default workers
	 * ({@code HttpClient-1-Worker-0}) and {@code CompletableFuture}'s thread per task on
	 * a small machine ({@code Thread-7}). The tests' own client runs on threads of its
	 * own.
	 */
	private static long unnamedThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.matches("HttpClient-\\d+-Worker-\\d+|Thread-\\d+"))
			.count();
	}

	/**
	 * The sender's threads, by name.
	 */
	private static List<String> webhookThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("webhook"))
			.sorted()
			.toList();
	}

}
