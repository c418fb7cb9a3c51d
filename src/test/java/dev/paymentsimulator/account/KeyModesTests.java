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
			assertThat(api.get("/dashboard").status()).isEqualTo(200);
			assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
			assertThat(api.get("/no/such/page").status()).isEqualTo(401);
			assertThat(get(this.port, "/v1/simulator/keys", "sk_test_anyone").text("publishable_key"))
				.isEqualTo("pk_test_anyone");
			Answer preflight = api.options("/v1/payments",
					Map.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST"));
			assertThat(preflight.status()).isEqualTo(200);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "simulator.auth.api-keys=" + AllowList.ALICE + "," + AllowList.CAROL)
	class AllowList {

		static final String ALICE = "sk_test_alice_4f9c2d7e1b8a6053";

		static final String CAROL = "sk_test_carol_0a1b2c3d4e5f6a7b8c9d";

		@LocalServerPort
		int port;

		@Test
		void onlyListedKeysAndThePublishableKeysDerivedFromThemPass() {
			assertThat(get(this.port, "/v1/payments", ALICE).status()).isEqualTo(200);
			assertThat(get(this.port, "/v1/payments", CAROL).status()).isEqualTo(200);
			String alicePublishable = get(this.port, "/v1/simulator/keys", ALICE).text("publishable_key");
			assertThat(get(this.port, "/v1/payments/pay_x?client_secret=s", alicePublishable).status()).isEqualTo(404);
			Answer unlisted = get(this.port, "/v1/payments", "sk_test_bob_4f9c2d7e1b8a6053");
			assertThat(unlisted.status()).isEqualTo(401);
			assertThat(unlisted.body()).doesNotContain("sk_test_bob");
			assertThat(get(this.port, "/v1/payments/pay_x?client_secret=s", "pk_test_alice").status()).isEqualTo(401);
			assertThat(get(this.port, "/v1/payments/pay_x?client_secret=s", "pk_test_alice_4f9c2d7e1b8a6053").status())
				.isEqualTo(401);
			assertThat(new Api(this.port).get("/v1/payments").status()).isEqualTo(401);
		}

		@Test
		void theNamespaceIsTheNameNotTheKey() {
			Answer keys = get(this.port, "/v1/simulator/keys", CAROL);
			assertThat(keys.text("namespace")).isEqualTo("carol");
			assertThat(keys.text("publishable_key")).startsWith("pk_test_carol_")
				.isNotEqualTo("pk" + CAROL.substring(2));
		}

	}

	private static Answer get(int port, String path, String key) {
		return new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(),
				Map.of("Authorization", "Bearer " + key));
	}

}
