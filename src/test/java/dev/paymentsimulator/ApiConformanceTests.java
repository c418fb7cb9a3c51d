package dev.paymentsimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paymentsimulator.idempotency.HeldKeys;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.OpenApiConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every answer of the README walkthrough, of a tour through every operation and of every
 * problem the document gives as an example, sent over HTTP and checked against the
 * OpenAPI document the simulator serves: the document users generate clients from.
 * <p>
 * Both ways: each documented problem example is provoked and answered with its status,
 * and each problem the API answered is among the operation's documented examples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiConformanceTests {

	private static final Pattern CURL = Pattern.compile("(?m)^\\$ (curl (?:.*\\\\\\n)*.*)$");

	private static final Pattern TOKEN = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");

	private static final String KEY = "sk_test_conformance";

	private static final String VISA = "{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}";

	private ConfigurableApplicationContext context;

	private OpenApiConformance document;

	private int port;

	/** What each operation answered 2xx to, by {@code "METHOD /template"}. */
	private final Map<String, Exchange> succeeded = new LinkedHashMap<>();

	private boolean toured;

	@BeforeAll
	void start() {
		// the README's ids come from a seeded run; the walkthrough below replays it
		this.context = new SpringApplicationBuilder(PaymentSimulatorApplication.class)
			.properties("server.port=0", "simulator.seed=42", "simulator.clock.start=2026-11-25T12:00:00Z",
					"simulator.live.max-subscribers=3")
			.run();
		this.port = Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
		this.document = new OpenApiConformance(new Api(this.port).get("/v3/api-docs").json());
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@Test
	@Order(1)
	void theReadmeWalkthroughAnswersWhatTheDocumentDeclares() throws IOException {
		Matcher commands = CURL.matcher(Files.readString(Path.of("README.md")));
		int sent = 0;
		while (commands.find()) {
			Exchange exchange = curl(commands.group(1).replace("\\\n", " "));
			if (exchange.target().startsWith("/v1/")) {
				send(exchange);
				sent++;
			}
		}
		assertThat(sent).as("curl commands in the README").isGreaterThanOrEqualTo(8);
	}

	@Test
	@Order(2)
	void everyOperationAnswersWhatTheDocumentDeclares() throws IOException, InterruptedException {
		tour();
		Set<String> answered = new TreeSet<>(this.succeeded.keySet());
		assertThat(answered).containsExactlyInAnyOrderElementsOf(this.document.operations());
	}

	/** Each operation once, as a client that gets it right; the tour's objects stay. */
	private void tour() throws IOException, InterruptedException {
		if (this.toured) {
			return;
		}
		this.toured = true;
		Exchange health = new Exchange("GET", "/health", null, null, Map.of());
		send(health);
		String manual = ok("POST", "/v1/payments",
				"{\"amount\":2000,\"currency\":\"usd\",\"capture_method\":\"manual\",\"description\":\"Tour\",\"metadata\":{\"order\":\"1\"}}")
			.text("id");
		String secret = ok("GET", "/v1/payments/" + manual, null).text("client_secret");
		Answer read = send(new Exchange("GET", "/v1/payments/" + manual + "?client_secret=" + secret, null,
				"pk_test_conformance", Map.of()));
		assertThat(read.status()).isEqualTo(200);
		ok("POST", "/v1/payments/" + manual + "/confirm", "{\"payment_method\":\"pm_card_visa\"}");
		ok("POST", "/v1/payments/" + manual + "/capture", "{\"amount\":1500}");
		String refund = ok("POST", "/v1/payments/" + manual + "/refunds",
				"{\"amount\":500,\"reason\":\"requested_by_customer\",\"metadata\":{\"ticket\":\"7\"}}")
			.text("id");
		ok("GET", "/v1/refunds?payment=" + manual + "&limit=5", null);
		ok("GET", "/v1/refunds/" + refund, null);
		ok("GET", "/v1/payments?limit=2&status=partially_refunded", null);
		String toCancel = ok("POST", "/v1/payments", "{\"amount\":300,\"currency\":\"eur\"}").text("id");
		ok("POST", "/v1/payments/" + toCancel + "/cancel", "{\"cancellation_reason\":\"requested_by_customer\"}");
		String challenged = ok("POST", "/v1/payments",
				"{\"amount\":700,\"currency\":\"usd\",\"confirm\":true,\"return_url\":\"http://localhost:3000/done\","
						+ "\"payment_method\":{\"card\":{\"number\":\"4000002500003155\",\"exp_month\":1,\"exp_year\":2031}}}")
			.text("id");
		ok("POST", "/v1/simulator/payments/" + challenged + "/challenge", "{\"outcome\":\"pass\"}");
		ok("POST", "/v1/payments",
				"{\"amount\":800,\"currency\":\"jpy\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4000000000000077\",\"exp_month\":2,\"exp_year\":2032}}}");
		ok("POST", "/v1/simulator/clock/advance", "{\"seconds\":10}");
		ok("GET", "/v1/simulator/clock", null);
		String endpoint = ok("POST", "/v1/webhook_endpoints",
				"{\"url\":\"http://127.0.0.1:9/hooks\",\"enabled_events\":[\"payment.succeeded\",\"payment.captured\"]}")
			.text("id");
		ok("GET", "/v1/webhook_endpoints?limit=1&starting_after=" + endpoint, null);
		ok("GET", "/v1/webhook_endpoints/" + endpoint, null);
		ok("POST", "/v1/webhook_endpoints/" + endpoint, "{\"enabled_events\":[\"*\"],\"disabled\":false}");
		ok("POST", "/v1/webhook_endpoints/" + endpoint + "/rotate_secret", "{\"expire_old_in_seconds\":60}");
		String paid = ok("POST", "/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":" + VISA + "}")
			.text("id");
		ok("GET", "/v1/events/wait?payment=" + paid + "&type=payment.succeeded&timeout_ms=1000", null);
		String event = ok("GET", "/v1/events?payment=" + paid + "&type=payment.succeeded&limit=3", null).json()
			.get("data")
			.get(0)
			.get("id")
			.asString();
		ok("GET", "/v1/events/" + event, null);
		Api api = new Api(this.port).withKey(KEY);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !api.get("/v1/events/" + event + "/deliveries").json().get("data").isEmpty());
		ok("GET", "/v1/events/" + event + "/deliveries?limit=5", null);
		ok("POST", "/v1/events/" + event + "/redeliver", null);
		JsonDelivery delivery = JsonDelivery
			.of(api.get("/v1/events/" + event + "/deliveries?limit=1").json().get("data").get(0));
		ok("POST", "/v1/webhooks/verify", "{\"body\":" + quote(delivery.body()) + ",\"headers\":" + delivery.headers()
				+ ",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}");
		ok("POST", "/v1/simulator/trigger",
				"{\"event\":\"payment.captured\",\"payment\":{\"amount\":4200,\"currency\":\"gbp\",\"metadata\":{\"a\":\"b\"}}}");
		ok("GET", "/v1/simulator/keys", null);
		stream();
		ok("GET", "/v1/simulator/webhook_secret", null);
		String deleted = ok("POST", "/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/gone\"}").text("id");
		ok("DELETE", "/v1/webhook_endpoints/" + deleted, null);
		// in a namespace of its own: the problems below need the tour's objects
		Answer reset = send(exchange("POST", "/v1/simulator/reset", null).withKey("sk_test_conformance_reset"));
		assertThat(reset.status()).isEqualTo(200);
	}

	/**
	 * Every operation sent what a client gets wrong, plus the moves and cards each
	 * payment operation refuses; every documented problem example must be among the
	 * answers, and every problem answered among the operation's examples.
	 */
	@Test
	@Order(3)
	void everyProblemExampleIsAnsweredAndEveryProblemAnsweredIsAnExample() throws Exception {
		tour();
		for (Map.Entry<String, Exchange> operation : new ArrayList<>(this.succeeded.entrySet())) {
			Exchange valid = operation.getValue();
			String template = operation.getKey().substring(operation.getKey().indexOf(' ') + 1);
			if (!template.startsWith("/v1/")) {
				continue;
			}
			send(valid.withKey("sk_test_" + "no spaces allowed"));
			send(valid.withKey("pk_test_conformance"));
			send(valid.withHeader("Simulator-Fault", "error_before"));
			send(valid.withHeader("Origin", "https://shop.example"));
			send(valid.withHeader("Accept", "text/csv"));
			send(valid.withHeader("Accept", ";;;"));
			if (template.contains("{")) {
				send(valid.withTarget(missing(template)));
			}
			if (valid.target().contains("payment=")) {
				send(valid.withTarget(valid.target().replaceAll("payment=[^&]+", "payment=pay_missing")));
			}
			for (String[] query : new String[][] { { "limit", "0" }, { "timeout_ms", "-1" }, { "status", "paid" },
					{ "type", "payment.paid" }, { "starting_after", "pay_missing" } }) {
				if (valid.target().contains(query[0] + "=")) {
					send(valid.withTarget(valid.target().replaceAll(query[0] + "=[^&]+", query[0] + "=" + query[1])));
				}
			}
			if (valid.method().equals("POST")) {
				sendWrongBodies(valid);
				sendHeldAndReusedKeys(valid, template);
			}
		}
		sendRefusedMoves();
		sendOneTooMany();
		assertThat(this.document.answeredProblems()).as("problems answered, beside those documented")
			.containsAll(this.document.documentedProblems());
		assertThat(this.document.documentedProblems()).as("problems documented, beside those answered")
			.containsAll(this.document.answeredProblems());
	}

	private void sendWrongBodies(Exchange valid) {
		send(valid.withBody("{\"amount\":"));
		send(valid.withBody("{\"surprise\":1}"));
		send(valid.withBody("[]"));
		send(valid.withBody("{\"description\":\"" + "x".repeat(70_000) + "\"}"));
		send(valid.withBody("amount=1").withHeader("Content-Type", "application/x-www-form-urlencoded"));
		if (valid.body() != null && valid.body().startsWith("{\"")) {
			String first = valid.body().substring(2, valid.body().indexOf('"', 2));
			send(valid.withBody("{\"" + first + "\":[[]]}"));
			send(valid.withBody("{}"));
		}
	}

	/**
	 * In a namespace of its own, since a kept answer must be one that ran: a first call
	 * with a key, another body under the same key, and the key while its first call still
	 * runs.
	 */
	private void sendHeldAndReusedKeys(Exchange valid, String template) throws Exception {
		Exchange keyed = valid.withKey("sk_test_conformance_keys")
			.withTarget(template.contains("{") ? missing(template) : valid.target());
		String key = "conformance-" + template;
		send(keyed.withHeader("Idempotency-Key", key));
		send(keyed.withHeader("Idempotency-Key", key));
		send(keyed.withHeader("Idempotency-Key", key).withBody((keyed.body() != null) ? null : "{}"));
		String held = key + "-held";
		try (AutoCloseable hold = HeldKeys.hold(this.context, "conformance_keys", held, keyed.method(), keyed.target(),
				keyed.body())) {
			send(keyed.withHeader("Idempotency-Key", held));
		}
	}

	/**
	 * The moves the states table forbids, and the cards and amounts a payment refuses.
	 */
	private void sendRefusedMoves() {
		String created = ok("POST", "/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		String succeeded = ok("POST", "/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		send(exchange("POST", "/v1/payments/" + created + "/capture", "{}"));
		send(exchange("POST", "/v1/payments/" + created + "/refunds", "{}"));
		send(exchange("POST", "/v1/simulator/payments/" + created + "/challenge", "{\"outcome\":\"pass\"}"));
		send(exchange("POST", "/v1/payments/" + succeeded + "/confirm", "{\"payment_method\":\"pm_card_visa\"}"));
		send(exchange("POST", "/v1/payments/" + succeeded + "/cancel", "{}"));
		send(exchange("POST", "/v1/payments/" + succeeded + "/capture", "{\"amount\":5000}"));
		send(exchange("POST", "/v1/payments/" + succeeded + "/refunds", "{\"amount\":5000}"));
		for (String number : List.of("4000000000000002", "4000000000000069", "4000000000000127", "4000000000000119",
				"4242424242424241")) {
			String card = "{\"card\":{\"number\":\"" + number
					+ "\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}";
			send(exchange("POST", "/v1/payments",
					"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":" + card + "}"));
			String fresh = ok("POST", "/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
			send(exchange("POST", "/v1/payments/" + fresh + "/confirm", "{\"payment_method\":" + card + "}"));
		}
	}

	/**
	 * The most endpoints a namespace has, refunds a payment has and streams an instance
	 * serves, and one more.
	 */
	private void sendOneTooMany() throws IOException, InterruptedException {
		List<InputStream> streams = new ArrayList<>();
		InputStream stream;
		while ((stream = openStream(exchange("GET", "/v1/simulator/stream", null))) != null) {
			streams.add(stream);
		}
		for (InputStream open : streams) {
			open.close();
		}
		Exchange endpoint = exchange("POST", "/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/hooks\"}")
			.withKey("sk_test_conformance_limits");
		Answer answer = send(endpoint);
		while (answer.status() == 201) {
			answer = send(endpoint);
		}
		String payment = ok("POST", "/v1/payments",
				"{\"amount\":5000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		Exchange refund = exchange("POST", "/v1/payments/" + payment + "/refunds", "{\"amount\":1}");
		answer = send(refund);
		while (answer.status() == 201) {
			answer = send(refund);
		}
	}

	private static String missing(String template) {
		return template.replace("/payments/{id}", "/payments/pay_missing")
			.replace("/events/{id}", "/events/evt_missing")
			.replace("/refunds/{id}", "/refunds/re_missing")
			.replace("/webhook_endpoints/{id}", "/webhook_endpoints/we_missing");
	}

	private static Exchange exchange(String method, String target, String body) {
		return new Exchange(method, target, body, KEY, Map.of());
	}

	/**
	 * The live stream never ends by itself: its answer is taken as far as its first
	 * message.
	 */
	private void stream() throws IOException, InterruptedException {
		Exchange exchange = exchange("GET", "/v1/simulator/stream", null);
		try (InputStream open = openStream(exchange)) {
			assertThat(open).isNotNull();
		}
		this.succeeded.put("GET /v1/simulator/stream", exchange);
	}

	/**
	 * Opens the stream and checks its answer; the stream, still open, when it is one,
	 * else {@code null}.
	 */
	private InputStream openStream(Exchange exchange) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + exchange.target()))
				.header("Authorization", "Bearer " + exchange.key())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		StringBuilder first = new StringBuilder();
		BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		String line;
		while ((line = lines.readLine()) != null && !line.isEmpty()) {
			first.append(line).append((response.statusCode() == 200) ? "\n" : "");
		}
		Answer answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().map(), first.toString());
		this.document.check(exchange.method(), exchange.target(), null, answer);
		if (response.statusCode() != 200) {
			lines.close();
			return null;
		}
		assertThat(first.toString()).startsWith("event:ready");
		return response.body();
	}

	/** Answers the test asserts on, with the exchange that got them. */
	private Sent ok(String method, String target, String body) {
		Exchange exchange = exchange(method, target, body);
		Answer answer = send(exchange);
		assertThat(answer.status()).as(method + " " + target + ": " + answer.body()).isBetween(200, 299);
		return new Sent(exchange, answer);
	}

	private Answer send(Exchange exchange) {
		Map<String, String> headers = new LinkedHashMap<>(exchange.headers());
		if (exchange.key() != null) {
			headers.put("Authorization", "Bearer " + exchange.key());
		}
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + exchange.target()))
			.method(exchange.method(), (exchange.body() != null) ? HttpRequest.BodyPublishers.ofString(exchange.body())
					: HttpRequest.BodyPublishers.noBody());
		if (exchange.body() != null && !headers.containsKey("Content-Type")) {
			headers.put("Content-Type", "application/json");
		}
		Answer answer = new Api(this.port).send(request, headers);
		this.document.check(exchange.method(), exchange.target(), exchange.body(), answer);
		if (answer.status() < 300) {
			this.succeeded.putIfAbsent(this.document.operation(exchange.method(), exchange.target()), exchange);
		}
		return answer;
	}

	/** A README command as the request it sends; curl sends POST when it has data. */
	private static Exchange curl(String command) {
		List<String> tokens = new ArrayList<>();
		Matcher token = TOKEN.matcher(command);
		while (token.find()) {
			tokens.add((token.group(1) != null) ? token.group(1)
					: (token.group(2) != null) ? token.group(2) : token.group(3));
		}
		String method = null;
		String url = null;
		String body = null;
		Map<String, String> headers = new LinkedHashMap<>();
		for (int index = 1; index < tokens.size(); index++) {
			switch (tokens.get(index)) {
				case "-s", "-i", "-sS" -> {
				}
				case "-X" -> method = tokens.get(++index);
				case "-H" -> {
					String header = tokens.get(++index);
					headers.put(header.substring(0, header.indexOf(':')).trim(),
							header.substring(header.indexOf(':') + 1).trim());
				}
				case "-d", "--data" -> body = tokens.get(++index);
				default -> url = tokens.get(index);
			}
		}
		assertThat(url).as(command).isNotNull();
		String target = url.substring(url.indexOf('/'));
		return new Exchange((method != null) ? method : (body != null) ? "POST" : "GET", target, body, null, headers);
	}

	private static String quote(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
	}

	/** One request: method, path and query, JSON body, API key and other headers. */
	record Exchange(String method, String target, String body, String key, Map<String, String> headers) {

		Exchange withKey(String key) {
			return new Exchange(this.method, this.target, this.body, key, this.headers);
		}

		Exchange withTarget(String target) {
			return new Exchange(this.method, target, this.body, this.key, this.headers);
		}

		Exchange withBody(String body) {
			return new Exchange(this.method, this.target, body, this.key, this.headers);
		}

		Exchange withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Exchange(this.method, this.target, this.body, this.key, headers);
		}

	}

	record Sent(Exchange exchange, Answer answer) {

		String text(String field) {
			return this.answer.text(field);
		}

		tools.jackson.databind.JsonNode json() {
			return this.answer.json();
		}

	}

	record JsonDelivery(String body, String headers) {

		static JsonDelivery of(tools.jackson.databind.JsonNode delivery) {
			return new JsonDelivery(delivery.get("request_body").asString(),
					delivery.get("request_headers").toString());
		}

	}

}
