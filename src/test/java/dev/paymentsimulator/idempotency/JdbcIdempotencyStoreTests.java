package dev.paymentsimulator.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.UsePostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What only the PostgreSQL key store does on its own: keep at most max-keys answers. */
@UsePostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "simulator.clock.start=2026-11-25T12:00:00Z", "simulator.idempotency.max-keys=3" })
class JdbcIdempotencyStoreTests {

	private static final String CREATE = "{\"amount\":100,\"currency\":\"usd\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcIdempotencyStore store;

	@Test
	void answersBeyondMaxKeysAreDroppedOldestFirst() {
		Api api = new Api(this.port).withKey("sk_test_maxkeys");
		for (int i = 1; i <= 5; i++) {
			api.post("/v1/payments", CREATE, Map.of("Idempotency-Key", "key-" + i));
		}
		this.store.dropBeyondMaxKeys();

		for (int i = 3; i <= 5; i++) {
			Answer kept = api.post("/v1/payments", CREATE, Map.of("Idempotency-Key", "key-" + i));
			assertThat(kept.header("Idempotent-Replayed")).as("key-" + i).isEqualTo("true");
		}
		Answer forgotten = api.post("/v1/payments", CREATE, Map.of("Idempotency-Key", "key-1"));
		assertThat(forgotten.status()).isEqualTo(201);
		assertThat(forgotten.header("Idempotent-Replayed")).isNull();
	}

}
