package dev.paymentsimulator.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole lifecycle with webhooks, logged at TRACE (Spring MVC then logs every request
 * and response body it reads and writes, Tomcat every byte it receives), leaves no key,
 * secret, client secret, card number or CVC in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.root=TRACE")
class NoSecretsInLogsTests {

	private static final String KEY = "sk_test_logcheck";

	@LocalServerPort
	int port;

	@Test
	void lifecycleWithWebhooksLogsNoSecrets(CapturedOutput output) {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			receiver.stubFor(post("/logcheck").willReturn(aResponse().withStatus(500)));
			Api api = new Api(this.port);
			Map<String, String> auth = Map.of("Authorization", "Bearer " + KEY);
			String endpointSecret = api
				.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.baseUrl() + "/logcheck\"}", auth)
				.text("secret");
			String defaultSecret = api
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/v1/simulator/webhook_secret"))
					.GET(), auth)
				.text("secret");
			Answer created = api.post("/v1/payments",
					"{\"amount\":1000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"metadata\":{\"webhook_url\":\""
							+ receiver.baseUrl()
							+ "/logcheck\"},\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"987\"}}}",
					Map.of("Authorization", "Bearer " + KEY, "Idempotency-Key", "log-check-1"));
			String id = created.text("id");
			api.post("/v1/payments/" + id + "/capture", null, auth);
			String clientSecret = created.text("client_secret");
			Map<String, String> browser = Map.of("Authorization", "Bearer pk_test_logcheck");
			api.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI
					.create("http://localhost:" + this.port + "/v1/payments/" + id + "?client_secret=" + clientSecret))
				.GET(), browser);
			Answer challenged = api.post("/v1/payments",
					"{\"amount\":500,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_threeDSecureRequired\"}",
					auth);
			api.post("/v1/simulator/payments/" + challenged.text("id") + "/challenge",
					"{\"outcome\":\"pass\",\"client_secret\":\"" + challenged.text("client_secret") + "\"}", browser);
			api.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/v1/simulator/keys"))
				.GET(), auth);
			api.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/v1/events?limit=100"))
				.GET(), auth);
			api.post("/v1/payments/" + id + "/refunds", "{\"amount\":100}", auth);
			api.post("/v1/payments/" + id + "/confirm", "{\"client_secret\":\"" + created.text("client_secret")
					+ "\",\"payment_method\":{\"card\":{\"number\":\"4000000000000002\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"321\"}}}",
					Map.of("Authorization", "Bearer pk_test_logcheck"));
			api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}",
					Map.of("Authorization", "Bearer sk_live_notakey99"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/logcheck"))).size() >= 8);
			api.post("/v1/webhooks/verify", "{\"body\":\"{}\",\"headers\":{},\"secret\":\"" + endpointSecret + "\"}",
					auth);

			String logs = output.getAll();
			assertThat(logs).as("Spring MVC logged the bodies it wrote")
				.contains("/v1/payments", "Writing [EndpointView[", "Writing [PaymentView[");
			assertThat(logs).doesNotContain(KEY, "pk_test_logcheck", "sk_live_notakey99", endpointSecret, defaultSecret,
					"4242424242424242", "4000000000000002", "\"cvc\"", "cvc=987", "cvc=321", clientSecret,
					challenged.text("client_secret"), "_secret_");
		}
		finally {
			receiver.stop();
		}
	}

	/** A context cached for later tests must not go on logging at TRACE. */
	@AfterAll
	static void quietAgain() {
		LoggingSystem.get(NoSecretsInLogsTests.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
	}

}
