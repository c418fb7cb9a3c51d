package dev.paymentsimulator.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import ch.qos.logback.classic.LoggerContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators and tools see: the OpenAPI document, health and Prometheus metrics. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.clock.start=2026-11-25T12:00:00Z")
class OperationsTests {

	/** Every path and method of the contract, API.md section by section. */
	private static final List<String> CONTRACT = List.of("POST /v1/payments", "POST /v1/payments/{id}/confirm",
			"POST /v1/payments/{id}/capture", "POST /v1/payments/{id}/cancel", "POST /v1/payments/{id}/refunds",
			"GET /v1/payments/{id}", "GET /v1/payments", "GET /v1/refunds/{id}", "GET /v1/refunds", "GET /v1/events",
			"GET /v1/events/{id}", "POST /v1/webhook_endpoints", "GET /v1/webhook_endpoints",
			"GET /v1/webhook_endpoints/{id}", "POST /v1/webhook_endpoints/{id}", "DELETE /v1/webhook_endpoints/{id}",
			"POST /v1/webhook_endpoints/{id}/rotate_secret", "GET /v1/simulator/webhook_secret",
			"GET /v1/events/{id}/deliveries", "POST /v1/events/{id}/redeliver", "POST /v1/webhooks/verify",
			"GET /v1/events/wait", "POST /v1/simulator/reset", "GET /v1/simulator/clock",
			"POST /v1/simulator/clock/advance", "POST /v1/simulator/payments/{id}/challenge",
			"POST /v1/simulator/trigger", "GET /health");

	@LocalServerPort
	int port;

	Api api;

	@Autowired
	ReadyLog readyLog;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void openApiDocumentListsEveryPathOfTheContract() {
		Answer docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode openApi = docs.json();
		assertThat(openApi.get("openapi").asString()).startsWith("3.");
		for (String call : CONTRACT) {
			String method = call.substring(0, call.indexOf(' ')).toLowerCase();
			String path = call.substring(call.indexOf(' ') + 1);
			JsonNode operation = openApi.get("paths").path(path).path(method);
			assertThat(operation.isMissingNode()).as(call).isFalse();
			if (!path.equals("/health")) {
				assertThat(operation.path("responses").path("401").path("content").has("application/problem+json"))
					.as(call + " documents its problem answers")
					.isTrue();
			}
		}
		assertThat(openApi.path("components").path("securitySchemes").path("apiKey").path("scheme").asString())
			.isEqualTo("bearer");
		java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\":\"#/components/schemas/([^\"]+)\"")
			.matcher(docs.body());
		while (refs.find()) {
			assertThat(openApi.path("components").path("schemas").has(refs.group(1)))
				.as("$ref to " + refs.group(1) + " resolves")
				.isTrue();
		}
		JsonNode create = openApi.path("components").path("schemas").path("CreatePayment").path("properties");
		assertThat(create.has("capture_method")).isTrue();
		assertThat(openApi.path("paths").path("/v1/payments").path("post").path("responses").has("402")).isTrue();
		Answer swagger = this.api.get("/swagger-ui.html");
		assertThat(swagger.status()).isIn(200, 302);
		assertThat(this.api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void healthProbesAnswer() {
		assertThat(this.api.get("/actuator/health").text("status")).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void prometheusExposesTheSimulatorsMetricsAfterALifecycle() {
		WireMockServer receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		try {
			receiver.stubFor(WireMock.post("/metrics").willReturn(aResponse().withStatus(200)));
			Map<String, String> auth = Map.of("Authorization", "Bearer sk_test_metrics");
			this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.baseUrl() + "/metrics\"}", auth);
			String body = "{\"amount\":1000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";
			Map<String, String> keyed = Map.of("Authorization", "Bearer sk_test_metrics", "Idempotency-Key", "m-1");
			String id = this.api.post("/v1/payments", body, keyed).text("id");
			this.api.post("/v1/payments", body, keyed);
			this.api.post("/v1/payments/" + id + "/capture", null, auth);
			this.api.post("/v1/payments/" + id + "/refunds", "{\"amount\":100}", auth);
			this.api.post("/v1/payments",
					"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa_chargeDeclined\"}",
					auth);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/metrics"))).size() >= 6);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.api.get("/actuator/prometheus").body()).contains(
						"simulator_webhook_deliveries_total{application=\"payment-simulator\",result=\"delivered\"}"));
			String metrics = this.api.get("/actuator/prometheus").body();
			assertThat(metrics).contains(
					"simulator_payment_outcomes_total{application=\"payment-simulator\",decline_code=\"none\",outcome=\"authorized\"}",
					"simulator_payment_outcomes_total{application=\"payment-simulator\",decline_code=\"generic_decline\",outcome=\"failed\"}",
					"simulator_payment_transitions_total{application=\"payment-simulator\",from=\"authorized\",to=\"captured\"}",
					"simulator_payment_transitions_total{application=\"payment-simulator\",from=\"captured\",to=\"partially_refunded\"}",
					"simulator_webhook_delivery_duration_seconds_bucket", "simulator_webhook_retry_backlog");
			assertThat(metrics).containsPattern("simulator_idempotency_replays_total\\{[^}]*\\} [1-9]");
		}
		finally {
			receiver.stop();
		}
	}

	/**
	 * A turbo filter runs on every {@code isDebugEnabled()} of every library, dozens per
	 * webhook sent; Micrometer's count of log lines per level was one.
	 */
	@Test
	void noTurboFilterRunsOnEveryLogCall() {
		assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
		assertThat(this.api.get("/actuator/prometheus").body()).doesNotContain("logback_events_total");
	}

	/**
	 * Which version answered: a CI job asks /actuator/info or reads any answer's header.
	 */
	@Test
	void infoAndEveryAnswerNameTheVersionThatRuns() throws IOException {
		Properties build = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
			assertThat(in).as("build-info.properties, written by the build").isNotNull();
			build.load(in);
		}
		String version = build.getProperty("build.version");
		JsonNode info = this.api.get("/actuator/info").json();
		assertThat(info.path("build").path("version").asString()).isEqualTo(version);
		assertThat(info.path("build").path("time").asString()).isNotBlank();
		if (Files.isDirectory(Path.of(".git"))) {
			assertThat(info.path("git").path("commit").path("id").asString()).hasSizeGreaterThanOrEqualTo(7);
		}
		assertThat(this.api.get("/health").header("Server")).isEqualTo("payment-simulator/" + version);
		assertThat(this.api.post("/v1/payments", "{}").header("Server")).isEqualTo("payment-simulator/" + version);
		assertThat(this.readyLog.line()).startsWith("Payment Simulator " + version)
			.contains("ready on port " + this.port, "the memory store");
	}

}
