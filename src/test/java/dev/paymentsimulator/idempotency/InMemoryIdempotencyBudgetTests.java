package dev.paymentsimulator.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The in-memory key store weighs answers in bytes and gives each namespace its share. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.idempotency.max-bytes=64KB" })
class InMemoryIdempotencyBudgetTests {

	/** About 1.5 KB of answer once the metadata comes back. */
	private static final String LARGE = "{\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"note\":\""
			+ "x".repeat(400) + "\",\"more\":\"" + "y".repeat(400) + "\"}}";

	@LocalServerPort
	int port;

	@Test
	void aBusyNamespaceEvictsItsOwnAnswersNotAnothers() {
		Api quiet = new Api(this.port).withKey("sk_test_budget_quiet");
		Api busy = new Api(this.port).withKey("sk_test_budget_busy");
		String kept = quiet.post("/v1/payments", LARGE, key("quiet-1")).text("id");
		String busyFirst = busy.post("/v1/payments", LARGE, key("busy-0")).text("id");
		for (int i = 1; i < 200; i++) {
			busy.post("/v1/payments", LARGE, key("busy-" + i));
		}

		Answer replayed = quiet.post("/v1/payments", LARGE, key("quiet-1"));
		assertThat(replayed.text("id")).isEqualTo(kept);
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
		Answer evicted = busy.post("/v1/payments", LARGE, key("busy-0"));
		assertThat(evicted.header("Idempotent-Replayed")).isNull();
		assertThat(evicted.text("id")).isNotEqualTo(busyFirst);
	}

	@Test
	void anAnswerExpiresWhenItsNamespacesClockPassesTheTtl() {
		Api api = new Api(this.port).withKey("sk_test_budget_ttl");
		String first = api.post("/v1/payments", LARGE, key("ttl-1")).text("id");
		api.post("/v1/simulator/clock/advance", "{\"seconds\":" + (24 * 3600 + 1) + "}");

		Answer again = api.post("/v1/payments", LARGE, key("ttl-1"));
		assertThat(again.header("Idempotent-Replayed")).isNull();
		assertThat(again.text("id")).isNotEqualTo(first);
	}

	private static Map<String, String> key(String key) {
		return Map.of("Idempotency-Key", key);
	}

}
