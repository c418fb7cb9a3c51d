package dev.paymentsimulator.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The two stricter ways to run: a key always required, and only listed keys. */
class KeyModesTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.auth.require-api-key=true")
	class Required {

		@LocalServerPort
		int port;

		@Test
		void requestsWithoutAKeyAreRefused() {
			Api api = new Api(this.port);
			Answer keyless = api.get("/v1/payments");
			assertThat(keyless.status()).isEqualTo(401);
			assertThat(keyless.text("code")).isEqualTo("invalid_api_key");
			assertThat(get(this.port, "/v1/payments", "sk_test_anyone").status()).isEqualTo(200);
			assertThat(api.get("/health").status()).isEqualTo(200);
			Answer preflight = api.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/payments"))
						.method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
					Map.of("Origin", "http://shop.test", "Access-Control-Request-Method", "POST"));
			assertThat(preflight.status()).isEqualTo(200);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "simulator.auth.api-keys=sk_test_alice,sk_test_carol")
	class AllowList {

		@LocalServerPort
		int port;

		@Test
		void onlyListedKeysAndTheirPublishableTwinsPass() {
			assertThat(get(this.port, "/v1/payments", "sk_test_alice").status()).isEqualTo(200);
			assertThat(get(this.port, "/v1/payments", "sk_test_carol").status()).isEqualTo(200);
			assertThat(get(this.port, "/v1/payments/pay_x?client_secret=s", "pk_test_alice").status()).isEqualTo(404);
			Answer unlisted = get(this.port, "/v1/payments", "sk_test_bob");
			assertThat(unlisted.status()).isEqualTo(401);
			assertThat(unlisted.body()).doesNotContain("sk_test_bob");
			assertThat(get(this.port, "/v1/payments/pay_x?client_secret=s", "pk_test_bob").status()).isEqualTo(401);
			assertThat(new Api(this.port).get("/v1/payments").status()).isEqualTo(401);
		}

	}

	private static Answer get(int port, String path, String key) {
		return new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(),
				Map.of("Authorization", "Bearer " + key));
	}

}
