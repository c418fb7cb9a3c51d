package dev.paymentsimulator.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import dev.paymentsimulator.PaymentSimulatorApplication;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Concurrently;
import dev.paymentsimulator.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the simulator on one PostgreSQL database, as two replicas behind a
 * load balancer: they must behave as one.
 */
@ExtendWith(PostgresTestDatabase.class)
class TwoInstancesTests {

	private static final String CREATE = "{\"amount\":2000,\"currency\":\"usd\",\"confirm\":true,"
			+ "\"payment_method\":\"pm_card_visa\"}";

	private final String schema = PostgresTestDatabase.newSchemaName();

	private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private Api a;

	private Api b;

	@BeforeEach
	void start() {
		this.receiver.start();
		this.first = instance();
		this.second = instance();
		this.a = new Api(port(this.first)).withKey("sk_test_two");
		this.b = new Api(port(this.second)).withKey("sk_test_two");
	}

	@AfterEach
	void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.first,
				this.second }) {
			if (context != null && context.isActive()) {
				context.close();
			}
		}
		this.receiver.stop();
		PostgresTestDatabase.dropSchema(this.schema);
	}

	@Test
	void oneKeySentThroughBothInstancesAtOnceMakesOnePayment() throws Exception {
		Map<String, String> key = Map.of("Idempotency-Key", "order-1");
		List<Answer> answers = Concurrently.run(16,
				(i) -> ((i % 2 == 0) ? this.a : this.b).post("/v1/payments", CREATE, key));
		List<Answer> created = answers.stream().filter((answer) -> answer.status() == 201).toList();
		assertThat(created).isNotEmpty();
		assertThat(answers).allSatisfy((answer) -> {
			if (answer.status() != 201) {
				assertThat(answer.status()).isEqualTo(409);
				assertThat(answer.text("code")).isEqualTo("idempotency_key_in_use");
			}
		});
		assertThat(created.stream().map(Answer::body).distinct()).hasSize(1);
		Answer replayA = this.a.post("/v1/payments", CREATE, key);
		Answer replayB = this.b.post("/v1/payments", CREATE, key);
		assertThat(replayA.body()).isEqualTo(created.get(0).body());
		assertThat(replayB.body()).isEqualTo(created.get(0).body());
		assertThat(replayB.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.b.get("/v1/payments?limit=100").json().get("data")).hasSize(1);
		assertThat(this.a.get("/v1/events?type=payment.created").json().get("data")).hasSize(1);

		Answer otherBody = this.b.post("/v1/payments", CREATE.replace("2000", "2001"), key);
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.text("code")).isEqualTo("idempotency_key_reused");
	}

	@Test
	void aKeyLeftRunningByAnInstanceThatDiedIsFreedAfterTenMinutes() throws Exception {
		// as if instances died while running these keys, one just now and one
		// 11 minutes ago
		String bodyHash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(CREATE.getBytes(StandardCharsets.UTF_8)));
		for (String[] claim : new String[][] { { "fresh", "0" }, { "stale", "11" } }) {
			sql("insert into idempotency_keys (namespace, key, method, path, body_hash, claim_token, expires_at, "
					+ "kept_at) values ('two', '" + claim[0] + "', 'POST', '/v1/payments', '\\x" + bodyHash
					+ "', 'dead', " + "now() + interval '1 day', now() - interval '" + claim[1] + " minutes')");
		}
		Answer fresh = this.a.post("/v1/payments", CREATE, Map.of("Idempotency-Key", "fresh"));
		assertThat(fresh.status()).isEqualTo(409);
		assertThat(fresh.text("code")).isEqualTo("idempotency_key_in_use");
		Answer stale = this.b.post("/v1/payments", CREATE, Map.of("Idempotency-Key", "stale"));
		assertThat(stale.status()).isEqualTo(201);
		assertThat(this.a.post("/v1/payments", CREATE, Map.of("Idempotency-Key", "stale")).body())
			.isEqualTo(stale.body());
	}

	@Test
	void eachInstanceIsReadyOnlyWithItsDatabase() {
		JsonNode readiness = this.a.get("/actuator/health/readiness").json();
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").get("db").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void refundsThroughBothInstancesAtOnceNeverRefundMoreThanWasPaid() throws Exception {
		String id = this.a.post("/v1/payments", CREATE.replace("2000", "20")).text("id");
		List<Answer> answers = Concurrently.run(40,
				(i) -> ((i % 2 == 0) ? this.a : this.b).post("/v1/payments/" + id + "/refunds", "{\"amount\":1}"));
		assertThat(answers.stream().filter((answer) -> answer.status() == 201)).hasSize(20);
		assertThat(answers.stream().filter((answer) -> answer.status() != 201))
			.allSatisfy((answer) -> assertThat(answer.status()).isBetween(400, 499));
		JsonNode payment = this.b.get("/v1/payments/" + id).json();
		assertThat(payment.get("amount_refunded").asLong()).isEqualTo(20);
		assertThat(payment.get("status").asString()).isEqualTo("refunded");
		assertThat(this.a.get("/v1/refunds?payment=" + id + "&limit=100").json().get("data")).hasSize(20);
		assertThat(this.b.get("/v1/events?type=payment.refunded&limit=100").json().get("data")).hasSize(20);
	}

	@Test
	void bothInstancesSendingAtOnceDeliverEachEventOnce() throws Exception {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		this.a.post("/v1/webhook_endpoints", "{\"url\":\"" + this.receiver.baseUrl() + "/hook\"}");
		Concurrently.run(20, (i) -> ((i % 2 == 0) ? this.a : this.b).post("/v1/payments", CREATE));
		int events = this.a.get("/v1/events?limit=100").json().get("data").size();
		assertThat(events).isEqualTo(40);

		// every delivery recorded and nothing owed: nobody will send anything more
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sql("select count(*) from webhook_outbox") == 0
					&& sql("select count(*) from webhook_attempts") >= events);
		List<String> delivered = this.receiver.findAll(postRequestedFor(urlEqualTo("/hook")))
			.stream()
			.map((request) -> request.getHeader("webhook-id"))
			.toList();
		assertThat(delivered).hasSize(events).doesNotHaveDuplicates();
	}

	@Test
	void deliveriesOwedByAStoppedInstanceAreSentByTheOther() throws Exception {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(503)));
		String secret = this.a
			.post("/v1/webhook_endpoints",
					"{\"url\":\"" + this.receiver.baseUrl() + "/hook\",\"enabled_events\":[\"payment.created\"]}")
			.text("secret");
		String paymentId = this.a.post("/v1/payments", "{\"amount\":500,\"currency\":\"usd\"}").text("id");
		String eventId = this.a.get("/v1/events?payment=" + paymentId).json().get("data").get(0).get("id").asString();
		JsonNode failed = this.a.awaitDelivery(eventId, 1);
		assertThat(failed.get("status_code").asInt()).isEqualTo(503);

		this.first.close();
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		this.b.advanceClockTo(failed.get("next_attempt_at").asLong());

		JsonNode delivered = this.b.awaitDelivery(eventId, 2);
		assertThat(delivered.get("status_code").asInt()).isEqualTo(200);
		List<LoggedRequest> requests = this.receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
		LoggedRequest last = requests.get(requests.size() - 1);
		new Webhook(secret).verify(last.getBodyAsString(), signatureHeaders(last));
		assertThat(last.getBodyAsString()).isEqualTo(this.b.get("/v1/events/" + eventId).body());
	}

	@Test
	void aDeliveryClaimedByAnInstanceThatDiedIsSentOnceItsClaimLapses() throws Exception {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(503)));
		this.a.post("/v1/webhook_endpoints",
				"{\"url\":\"" + this.receiver.baseUrl() + "/hook\",\"enabled_events\":[\"payment.created\"]}");
		String paymentId = this.a.post("/v1/payments", "{\"amount\":500,\"currency\":\"usd\"}").text("id");
		String eventId = this.a.get("/v1/events?payment=" + paymentId).json().get("data").get(0).get("id").asString();
		JsonNode failed = this.a.awaitDelivery(eventId, 1);
		this.first.close();
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));

		// as if an instance claimed the retry and died before sending it
		sql("update webhook_outbox set claimed_until = clock_timestamp() + interval '1 hour'");
		this.b.advanceClockTo(failed.get("next_attempt_at").asLong());
		assertThat(sql("select count(*) from webhook_outbox where claimed_until > clock_timestamp()")).isEqualTo(1);
		assertThat(this.b.get("/v1/events/" + eventId + "/deliveries").json().get("data")).hasSize(1);

		sql("update webhook_outbox set claimed_until = clock_timestamp() - interval '1 second'");
		JsonNode delivered = this.b.awaitDelivery(eventId, 2);
		assertThat(delivered.get("status_code").asInt()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> sql("select count(*) from webhook_outbox") == 0);
	}

	@Test
	void anInstanceStartedAfterBothStoppedFindsTheWorldAsTheyLeftIt() {
		Map<String, String> key = Map.of("Idempotency-Key", "restart-1");
		Answer created = this.a.post("/v1/payments", CREATE, key);
		this.b.post("/v1/simulator/clock/advance", "{\"seconds\":3600}");
		String endpointId = this.b.post("/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/hook\"}").text("id");
		this.first.close();
		this.second.close();

		this.first = instance();
		Api restarted = new Api(port(this.first)).withKey("sk_test_two");
		assertThat(restarted.get("/v1/payments/" + created.text("id")).json().get("status").asString())
			.isEqualTo("succeeded");
		assertThat(restarted.get("/v1/simulator/clock").json().get("iso").asString()).isEqualTo("2026-11-25T13:00:00Z");
		assertThat(restarted.get("/v1/webhook_endpoints/" + endpointId).status()).isEqualTo(200);
		Answer replayed = restarted.post("/v1/payments", CREATE, key);
		assertThat(replayed.body()).isEqualTo(created.body());
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
	}

	private ConfigurableApplicationContext instance() {
		Map<String, Object> properties = new HashMap<>(PostgresTestDatabase.properties(this.schema));
		properties.put("server.port", "0");
		properties.put("simulator.clock.start", "2026-11-25T12:00:00Z");
		properties.put("simulator.webhooks.timeout", "2s");
		properties.put("spring.datasource.hikari.maximum-pool-size", "8");
		properties.put("management.endpoint.health.group.readiness.show-components", "always");
		// as arguments: they must win over application.yaml, as a replica's
		// settings would
		return new SpringApplicationBuilder(PaymentSimulatorApplication.class).run(properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private long sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
				PostgresTestDatabase.PASSWORD)) {
			connection.createStatement().execute("set search_path to " + this.schema);
			if (!statement.startsWith("select")) {
				return connection.createStatement().executeUpdate(statement);
			}
			try (ResultSet result = connection.createStatement().executeQuery(statement)) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static Map<String, List<String>> signatureHeaders(LoggedRequest request) {
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : Set.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, List.of(request.getHeader(name)));
		}
		return headers;
	}

}
