package dev.paymentsimulator.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Api.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The service as an attacker or a careless client meets it, with an allow-list of keys:
 * each test is one promise that a request once broke.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"simulator.auth.api-keys=" + TrustBoundaryTests.SECRET_KEY, "simulator.clock.start=2026-11-25T12:00:00Z" })
abstract class TrustBoundaryTests {

	static final String SECRET_KEY = "sk_test_alpha_Zq7vK2mR9xW4tB8nL3pH";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Api anonymous;

	Api merchant;

	@BeforeEach
	void connect() {
		this.anonymous = new Api(this.port);
		this.merchant = this.anonymous.withKey(SECRET_KEY);
		this.merchant.post("/v1/simulator/reset", null);
	}

	@ParameterizedTest(name = "GET {0}")
	@ValueSource(strings = { "/v1;x/payments", "/%761/payments", "/v1;/simulator/webhook_secret", "//v1/payments",
			"/v1/./payments", "/v1/payments/../payments", "/v1/simulator/webhook_secret;" })
	void anOddlySpelledPathNeedsAKeyAndIsThenRefused(String path) {
		Answer keyless = this.anonymous.get(path);
		assertThat(keyless.status()).isEqualTo(401);
		assertThat(keyless.text("code")).isEqualTo("invalid_api_key");
		assertThat(keyless.body()).doesNotContain("whsec_");
		Answer keyed = this.merchant.get(path);
		assertThat(keyed.status()).isEqualTo(400);
		assertThat(keyed.text("code")).isEqualTo("parameter_invalid");
		assertThat(keyed.text("param")).isEqualTo("path");
	}

	@Test
	void anOddlySpelledCreateWritesNothing() {
		Answer keyless = this.anonymous.post("/v1;x/payments", "{\"amount\":100,\"currency\":\"usd\"}");
		assertThat(keyless.status()).isEqualTo(401);
		Answer keyed = this.merchant.post("/v1;x/payments", "{\"amount\":100,\"currency\":\"usd\"}");
		assertThat(keyed.status()).isEqualTo(400);
		assertThat(this.merchant.get("/v1/payments").json().get("data")).isEmpty();
	}

	@Test
	void everyMappedApiRouteInEverySpellingNeedsAKey() {
		List<String> checked = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach((RequestMappingInfo info) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/v1/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "pay_x");
				for (String spelling : spellings(path)) {
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						Answer answer = this.anonymous.send(HttpRequest.newBuilder(URI.create(url(spelling)))
							.method(method.name(), HttpRequest.BodyPublishers.ofString("{}"))
							.header("Content-Type", "application/json"), Map.of());
						assertThat(answer.status()).as(method + " " + spelling).isEqualTo(401);
						checked.add(method + " " + spelling);
					}
				}
			}
		});
		assertThat(checked).as("routes walked").hasSizeGreaterThan(100);
	}

	private static List<String> spellings(String path) {
		String rest = path.substring("/v1".length());
		return List.of(path, "/v1;x" + rest, "/%761" + rest, "/v%31" + rest, "//v1" + rest, "/v1/" + rest,
				"/v1/." + rest, "/x/../v1" + rest, path + ";x");
	}

	@Test
	void secretsAreShownToTheSecretKeyOnly() {
		String publishable = this.merchant.get("/v1/simulator/keys").text("publishable_key");
		assertThat(this.anonymous.get("/v1/simulator/webhook_secret").status()).isEqualTo(401);
		Answer withPublishable = this.anonymous.withKey(publishable).get("/v1/simulator/webhook_secret");
		assertThat(withPublishable.status()).isEqualTo(403);
		assertThat(withPublishable.text("code")).isEqualTo("secret_key_required");
		assertThat(this.anonymous.withKey(publishable).get("/v1/simulator/keys").status()).isEqualTo(403);
		assertThat(this.merchant.get("/v1/simulator/webhook_secret").text("secret")).startsWith("whsec_");
	}

	@Test
	void thePublishableKeyRevealsNothingOfTheSecretOne(CapturedOutput output) {
		Answer keys = this.merchant.get("/v1/simulator/keys");
		assertThat(keys.text("object")).isEqualTo("simulator_keys");
		assertThat(keys.text("namespace")).isEqualTo("alpha");
		String publishable = keys.text("publishable_key");
		assertThat(publishable).startsWith("pk_test_alpha_").doesNotContain("Zq7vK2mR9xW4tB8nL3pH");
		Answer forged = this.anonymous.withKey("sk" + publishable.substring(2)).get("/v1/payments");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(this.anonymous.withKey("sk_test_alpha").get("/v1/payments").status()).isEqualTo(401);

		Answer created = this.merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
		String id = created.text("id");
		Answer read = this.anonymous.withKey(publishable)
			.get("/v1/payments/" + id + "?client_secret=" + created.text("client_secret"));
		assertThat(read.status()).isEqualTo(200);
		// the access log is written by a thread of its own
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll()).contains("/v1/payments/" + id));
		assertThat(output.getAll()).doesNotContain(SECRET_KEY, publishable);
	}

	@Test
	void aPublishableKeyCannotReplayTheSecretKeysAnswer() {
		String publishable = this.merchant.get("/v1/simulator/keys").text("publishable_key");
		Answer created = this.merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}");
		String confirm = "{\"client_secret\":\"" + created.text("client_secret")
				+ "\",\"payment_method\":\"pm_card_visa\"}";
		String path = "/v1/payments/" + created.text("id") + "/confirm";
		Answer server = this.merchant.post(path, confirm, Map.of("Idempotency-Key", "confirm-1"));
		assertThat(server.status()).isEqualTo(200);

		Answer browser = this.anonymous.withKey(publishable)
			.post(path, confirm, Map.of("Idempotency-Key", "confirm-1"));
		assertThat(browser.status()).isEqualTo(422);
		assertThat(browser.text("code")).isEqualTo("idempotency_key_reused");
		assertThat(browser.header("Idempotent-Replayed")).isNull();
		assertThat(browser.body()).doesNotContain(created.text("client_secret"));
		Answer again = this.merchant.post(path, confirm, Map.of("Idempotency-Key", "confirm-1"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "multipart/form-data", "*/*", "application/*", "*/json",
			"application/x-www-form-urlencoded", "text/plain", "application/json; charset=nope",
			"application/json; charset=\"utf-8", "not a media type", "multipart/form-data; boundary=x" })
	void anOddContentTypeIsAClientMistake(String contentType) {
		for (String[] call : new String[][] { { "/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}" },
				{ "/v1/payments/pay_x/capture", "{}" },
				{ "/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/hooks\"}" },
				{ "/v1/simulator/clock/advance", "{\"seconds\":1}" } }) {
			Answer answer = this.merchant.send(HttpRequest.newBuilder(URI.create(url(call[0])))
				.POST(HttpRequest.BodyPublishers.ofString(call[1]))
				.header("Content-Type", contentType), Map.of());
			assertThat(answer.status()).as(contentType + " to " + call[0]).isBetween(400, 499);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
		}
		assertThat(this.merchant.get("/v1/payments").json().get("data")).isEmpty();
	}

	@Test
	void aCardNumberSentWhereItDoesNotBelongIsNeverEchoed(CapturedOutput output) {
		String id = this.merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}").text("id");
		Answer confirm = this.merchant.post("/v1/payments/" + id + "/confirm",
				"{\"payment_method\":\"4242424242424242\"}");
		assertThat(confirm.status()).isEqualTo(400);
		assertThat(confirm.body()).doesNotContain("4242424242424242").contains("4242\u20264242");
		Answer spaced = this.merchant.post("/v1/payments/" + id + "/confirm",
				"{\"payment_method\":\"4000 0566 5566 5556\"}");
		assertThat(spaced.body()).doesNotContain("4000 0566 5566 5556").contains("4000\u20265556");
		Answer inPath = this.merchant.get("/v1/payments/5555555555554444");
		assertThat(inPath.status()).isEqualTo(404);
		assertThat(inPath.body()).doesNotContain("5555555555554444");
		assertThat(output.getAll()).doesNotContain("4242424242424242", "5555555555554444", "4000 0566 5566 5556");
	}

	@Test
	void aNamespaceHasAtMostSixteenWebhookEndpoints() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Answer created = this.merchant.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/h" + i + "\"}");
			assertThat(created.status()).isEqualTo(201);
			ids.add(created.text("id"));
		}
		Answer refused = this.merchant.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/more\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("limit_exceeded");
		assertThat(this.merchant.get("/v1/webhook_endpoints?limit=100").json().get("data")).hasSize(16);
		assertThat(this.merchant.delete("/v1/webhook_endpoints/" + ids.get(0)).status()).isEqualTo(200);
		assertThat(this.merchant.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/more\"}").status())
			.isEqualTo(201);
	}

	@Test
	void returnUrlMustBeAnHttpAddress() {
		String id = this.merchant.post("/v1/payments", "{\"amount\":100,\"currency\":\"usd\"}").text("id");
		for (String url : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative",
				"ftp://shop.test/done")) {
			Answer confirm = this.merchant.post("/v1/payments/" + id + "/confirm",
					"{\"payment_method\":\"pm_card_visa\",\"return_url\":\"" + url + "\"}");
			assertThat(confirm.status()).as(url).isEqualTo(400);
			assertThat(confirm.text("param")).isEqualTo("return_url");
			Answer create = this.merchant.post("/v1/payments",
					"{\"amount\":100,\"currency\":\"usd\",\"return_url\":\"" + url + "\"}");
			assertThat(create.status()).as(url).isEqualTo(400);
		}
	}

	@Test
	void pagesRunOnlyTheirOwnScriptsAndCannotBeFramed() {
		Answer checkout = this.anonymous.get("/checkout/pay_x?client_secret=s&return_url=javascript:alert(1)");
		assertThat(checkout.status()).isEqualTo(200);
		assertThat(checkout.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(checkout.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(checkout.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(this.anonymous.get("/dashboard").header("Content-Security-Policy"))
			.contains("frame-ancestors 'none'");
		assertThat(this.anonymous.get("/3ds/pay_x").header("Content-Security-Policy")).contains("script-src 'self'",
				"frame-ancestors 'self' http://localhost:* http://127.0.0.1:*");
		assertThat(this.merchant.get("/v1/payments").header("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void onlyLoopbackOriginsMayCallFromABrowser() {
		Answer drive = this.anonymous.options("/v1/webhook_endpoints", Map.of("Origin", "http://evil.test",
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
		assertThat(drive.status()).isEqualTo(403);
		assertThat(drive.text("code")).isEqualTo("origin_not_allowed");
		assertThat(drive.header("Access-Control-Allow-Origin")).isNull();
		Answer simple = this.merchant.post("/v1/webhook_endpoints", "{\"url\":\"http://localhost:9/x\"}",
				Map.of("Origin", "http://evil.test"));
		assertThat(simple.status()).isEqualTo(403);
		assertThat(this.merchant.get("/v1/webhook_endpoints").json().get("data")).isEmpty();

		for (String origin : List.of("http://localhost:3000", "http://127.0.0.1:5173", "http://[::1]:8000")) {
			Answer shop = this.anonymous.options("/v1/payments", Map.of("Origin", origin,
					"Access-Control-Request-Method", "POST", "Access-Control-Request-Private-Network", "true"));
			assertThat(shop.status()).as(origin).isEqualTo(200);
			assertThat(shop.header("Access-Control-Allow-Origin")).isEqualTo(origin);
			assertThat(shop.header("Access-Control-Allow-Private-Network")).isEqualTo("true");
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
