package dev.paymentsimulator.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API keys select namespaces that see nothing of each other; publishable keys do little.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "simulator.clock.start=2026-11-25T12:00:00Z")
abstract class NamespaceTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void twoNamespacesRunTheSameFlowAndSeeNothingOfEachOther() {
		World alice = runFlow("sk_test_alice");
		World bob = runFlow("sk_test_bob");
		assertThat(alice.paymentId()).isNotEqualTo(bob.paymentId());
		assertThat(alice.replayedKey().header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(bob.firstKeyUse().header("Idempotent-Replayed")).isNull();

		for (World[] pair : new World[][] { { alice, bob }, { bob, alice } }) {
			World me = pair[0];
			World other = pair[1];
			assertThat(get(me.key(), "/v1/payments/" + other.paymentId()).status()).isEqualTo(404);
			assertThat(get(me.key(), "/v1/refunds/" + other.refundId()).status()).isEqualTo(404);
			assertThat(get(me.key(), "/v1/events/" + other.eventId()).status()).isEqualTo(404);
			assertThat(get(me.key(), "/v1/events/" + other.eventId() + "/deliveries").status()).isEqualTo(404);
			assertThat(get(me.key(), "/v1/webhook_endpoints/" + other.endpointId()).status()).isEqualTo(404);
			assertThat(post(me.key(), "/v1/payments/" + other.paymentId() + "/capture", null).status()).isEqualTo(404);
			assertThat(ids(get(me.key(), "/v1/payments?limit=100"))).containsExactly(me.paymentId());
			assertThat(ids(get(me.key(), "/v1/webhook_endpoints"))).containsExactly(me.endpointId());
			assertThat(ids(get(me.key(), "/v1/refunds"))).containsExactly(me.refundId());
			for (JsonNode event : get(me.key(), "/v1/events?limit=100").json().get("data")) {
				assertThat(event.get("data").get("payment").get("id").asString()).isEqualTo(me.paymentId());
			}
		}
		long aliceNow = get("sk_test_alice", "/v1/simulator/clock").json().get("now").asLong();
		post("sk_test_alice", "/v1/simulator/clock/advance", "{\"seconds\":3600}");
		assertThat(get("sk_test_alice", "/v1/simulator/clock").json().get("now").asLong()).isEqualTo(aliceNow + 3600);
		assertThat(get("sk_test_bob", "/v1/simulator/clock").json().get("now").asLong()).isEqualTo(aliceNow);
		assertThat(get("sk_test_alice", "/v1/simulator/webhook_secret").text("secret"))
			.isNotEqualTo(get("sk_test_bob", "/v1/simulator/webhook_secret").text("secret"));
	}

	@Test
	void publishableKeyReadsAndConfirmsWithTheClientSecretOnly() {
		Answer created = post("sk_test_shop", "/v1/payments", "{\"amount\":1200,\"currency\":\"usd\"}");
		String id = created.text("id");
		String secret = created.text("client_secret");
		assertThat(get("pk_test_shop", "/v1/payments/" + id + "?client_secret=" + secret).status()).isEqualTo(200);
		assertThat(get("pk_test_shop", "/v1/payments/" + id).status()).isEqualTo(404);
		assertThat(get("pk_test_shop", "/v1/payments/" + id + "?client_secret=" + secret + "x").status())
			.isEqualTo(404);
		assertThat(get("pk_test_other", "/v1/payments/" + id + "?client_secret=" + secret).status()).isEqualTo(404);
		Answer wrong = post("pk_test_shop", "/v1/payments/" + id + "/confirm",
				"{\"payment_method\":\"pm_card_visa\",\"client_secret\":\"" + secret + "x\"}");
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.text("code")).isEqualTo("resource_missing");
		Answer confirmed = post("pk_test_shop", "/v1/payments/" + id + "/confirm",
				"{\"payment_method\":\"pm_card_visa\",\"client_secret\":\"" + secret + "\"}");
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.text("status")).isEqualTo("succeeded");

		Answer capture = post("pk_test_shop", "/v1/payments/" + id + "/capture", null);
		assertThat(capture.status()).isEqualTo(403);
		assertThat(capture.text("code")).isEqualTo("secret_key_required");
		assertThat(get("pk_test_shop", "/v1/payments").status()).isEqualTo(403);
		assertThat(post("pk_test_shop", "/v1/payments", "{\"amount\":1,\"currency\":\"usd\"}").status()).isEqualTo(403);
		assertThat(get("pk_test_shop", "/v1/events").status()).isEqualTo(403);
		assertThat(get("pk_test_shop", "/v1/simulator/webhook_secret").status()).isEqualTo(403);
	}

	@Test
	void httpBasicWithTheKeyAsUserNameWorks() {
		String id = post("sk_test_basic", "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}").text("id");
		String basic = "Basic " + Base64.getEncoder().encodeToString("sk_test_basic:".getBytes(StandardCharsets.UTF_8));
		Answer answer = this.api.send(HttpRequest.newBuilder(URI.create(url("/v1/payments/" + id))).GET(),
				Map.of("Authorization", basic));
		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void malformedOrUnknownKeysAreRefusedWithoutEchoingThem() {
		for (String header : List.of("Bearer", "Bearer ", "Bearer sk_live_secret123", "Bearer sk_test_",
				"Bearer sk_test_has space", "Token sk_test_secret123", "Basic !!!notbase64", "sk_test_secret123")) {
			Answer answer = this.api.send(HttpRequest.newBuilder(URI.create(url("/v1/payments"))).GET(),
					Map.of("Authorization", header));
			assertThat(answer.status()).as(header).isEqualTo(401);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.text("code")).isEqualTo("invalid_api_key");
			assertThat(answer.body()).doesNotContain("secret123", "sk_live");
		}
	}

	@Test
	void noKeyMeansTheDefaultNamespace() {
		String id = this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}").text("id");
		assertThat(get("sk_test_default", "/v1/payments/" + id).status()).isEqualTo(200);
		assertThat(get("sk_test_elsewhere", "/v1/payments/" + id).status()).isEqualTo(404);
	}

	@Test
	void corsPreflightAndCrossOriginRequest() {
		Answer preflight = this.api.options("/v1/payments",
				Map.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST",
						"Access-Control-Request-Headers",
						"authorization,idempotency-key,content-type,simulator-latency"));
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
		assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization",
				"idempotency-key", "content-type", "simulator-latency");
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");

		Answer real = this.api.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}",
				Map.of("Origin", "http://localhost:3000", "Authorization", "Bearer sk_test_browser"));
		assertThat(real.status()).isEqualTo(201);
		assertThat(real.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
		assertThat(real.header("Access-Control-Expose-Headers")).contains("Idempotent-Replayed", "Location");

		Answer refused = this.api.post("/v1/payments", "{}",
				Map.of("Origin", "http://localhost:3000", "Authorization", "Bearer nonsense"));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
	}

	private record World(String key, String paymentId, String refundId, String eventId, String endpointId,
			Answer firstKeyUse, Answer replayedKey) {
	}

	private World runFlow(String key) {
		String endpointId = post(key, "/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/hooks\"}").text("id");
		Map<String, String> headers = Map.of("Authorization", "Bearer " + key, "Idempotency-Key", "shared-key-1");
		String body = "{\"amount\":2000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";
		Answer first = this.api.post("/v1/payments", body, headers);
		Answer replay = this.api.post("/v1/payments", body, headers);
		String paymentId = first.text("id");
		String refundId = post(key, "/v1/payments/" + paymentId + "/refunds", "{\"amount\":500}").text("id");
		String eventId = get(key, "/v1/events?payment=" + paymentId).json().get("data").get(0).get("id").asString();
		return new World(key, paymentId, refundId, eventId, endpointId, first, replay);
	}

	private Answer get(String key, String path) {
		return this.api.withKey(key).get(path);
	}

	private Answer post(String key, String path, String json) {
		return this.api.withKey(key).post(path, json);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static List<String> ids(Answer list) {
		List<String> ids = new ArrayList<>();
		list.json().get("data").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}
