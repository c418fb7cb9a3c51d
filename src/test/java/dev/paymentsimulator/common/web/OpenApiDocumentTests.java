package dev.paymentsimulator.common.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * {@code openapi.yaml}, committed for users to import or generate clients from without a
 * running simulator, is the document the simulator serves. When they drift this fails
 * with the first difference; {@code ./mvnw verify -Dopenapi.update=true} writes the live
 * one over the committed one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTests {

	private static final Path COMMITTED = Path.of("openapi.yaml");

	@LocalServerPort
	int port;

	@Test
	void theCommittedDocumentIsTheLiveOne() throws IOException {
		Answer live = new Api(this.port).get("/v3/api-docs.yaml");
		assertThat(live.status()).isEqualTo(200);
		String document = live.body();
		if (Boolean.getBoolean("openapi.update")) {
			Files.writeString(COMMITTED, document);
		}
		String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
		if (!committed.equals(document)) {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "openapi.yaml"), document);
			fail("openapi.yaml is not the document the simulator serves (written to target/openapi.yaml); "
					+ "./mvnw verify -Dopenapi.update=true writes it over the committed one.\n"
					+ firstDifference(committed, document));
		}
	}

	/** Names that read well in generated clients, and groups a reader looks for. */
	@Test
	void everyOperationHasAStableReadableIdASummaryAndAGroup() {
		JsonNode paths = new Api(this.port).get("/v3/api-docs").json().get("paths");
		Set<String> ids = new HashSet<>();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			JsonNode operation = method.getValue();
			String where = method.getKey() + " " + path.getKey();
			assertThat(operation.path("operationId").asString()).as(where).matches("[a-z][A-Za-z]+");
			assertThat(ids.add(operation.path("operationId").asString())).as(where + " has a unique id").isTrue();
			assertThat(operation.path("summary").asString()).as(where).isNotBlank();
			assertThat(operation.path("tags").get(0).asString()).as(where).doesNotEndWith("-controller");
		}));
		assertThat(ids).contains("createPayment", "capturePayment", "listEvents", "createWebhookEndpoint");
		List<String> tags = new ArrayList<>();
		new Api(this.port).get("/v3/api-docs")
			.json()
			.get("tags")
			.forEach((tag) -> tags.add(tag.get("name").asString()));
		assertThat(tags).as("groups in reading order")
			.containsExactly("Payments", "Refunds", "Events", "Webhook endpoints", "Webhook tools", "Simulator");
		assertThat(paths.path("/v1/payments").path("post").path("responses").has("201")).isTrue();
		assertThat(
				paths.path("/v1/payments").path("post").path("responses").path("201").path("headers").has("Location"))
			.isTrue();
		assertThat(paths.path("/v1/payments")
			.path("get")
			.path("responses")
			.path("200")
			.path("content")
			.has("application/json")).isTrue();
		JsonNode create = paths.path("/v1/payments").path("post");
		List<String> headers = new ArrayList<>();
		create.path("parameters").forEach((parameter) -> headers.add(parameter.path("name").asString()));
		assertThat(headers).contains("Idempotency-Key", "Simulator-Latency", "Simulator-Fault");
		assertThat(create.path("responses").path("201").path("headers").has("Idempotent-Replayed")).isTrue();
		for (String status : List.of("402", "403", "409", "413", "415", "422")) {
			assertThat(create.path("responses").path(status).path("content").has("application/problem+json")).as(status)
				.isTrue();
		}
	}

	/** Events were declared strings; an event the API answers has the declared shape. */
	@Test
	void anEventIsTheObjectTheDocumentDeclares() {
		Api api = new Api(this.port).withKey("sk_test_openapi_events");
		api.post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}");
		JsonNode event = api.get("/v1/events?limit=1").json().get("data").get(0);
		JsonNode declared = api.get("/v3/api-docs").json().path("components").path("schemas").path("Event");
		List<String> fields = new ArrayList<>(event.propertyNames());
		List<String> properties = new ArrayList<>(declared.path("properties").propertyNames());
		assertThat(fields).containsExactlyInAnyOrderElementsOf(properties);
		List<String> types = new ArrayList<>();
		declared.path("properties").path("type").path("enum").forEach((type) -> types.add(type.asString()));
		assertThat(types).contains(event.get("type").asString(), "payment.created", "payment.refunded");
		List<String> data = new ArrayList<>(event.get("data").propertyNames());
		assertThat(data).containsExactlyInAnyOrder("payment", "refund");
	}

	/**
	 * Every field the document requires is there, and every null one is declared
	 * nullable.
	 */
	@Test
	void paymentsEndpointsDeliveriesAndListsAreTheObjectsTheDocumentDeclares() {
		Api api = new Api(this.port).withKey("sk_test_openapi_objects");
		JsonNode schemas = api.get("/v3/api-docs").json().path("components").path("schemas");
		JsonNode payment = api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").json();
		conforms(payment, "Payment", schemas);
		List<String> statuses = new ArrayList<>();
		schemas.path("Payment")
			.path("properties")
			.path("status")
			.path("enum")
			.forEach((status) -> statuses.add(status.asString()));
		assertThat(statuses).contains(payment.get("status").asString());
		conforms(api.get("/v1/payments").json(), "ListPagePayment", schemas);
		JsonNode endpoint = api.post("/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/hooks\"}").json();
		conforms(endpoint, "WebhookEndpoint", schemas);
		conforms(api.get("/v1/webhook_endpoints/" + endpoint.get("id").asString()).json(), "WebhookEndpoint", schemas);
		String confirmed = api
			.post("/v1/payments",
					"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		String event = api.get("/v1/events?payment=" + confirmed).json().get("data").get(0).get("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/v1/events/" + event + "/deliveries").json().get("data").size() > 0);
		for (JsonNode delivery : api.get("/v1/events/" + event + "/deliveries").json().get("data")) {
			conforms(delivery, "WebhookDelivery", schemas);
		}
		conforms(api.get("/v1/simulator/keys").json(), "Keys", schemas);
		conforms(api.get("/v1/simulator/clock").json(), "Clock", schemas);
		conforms(api.get("/v1/simulator/webhook_secret").json(), "WebhookSecret", schemas);
		conforms(api.post("/v1/simulator/trigger", "{\"event\":\"payment.captured\"}").json(), "Triggered", schemas);
		conforms(api.post("/v1/simulator/reset", null).json(), "Reset", schemas);
	}

	private static void conforms(JsonNode value, String schemaName, JsonNode schemas) {
		JsonNode schema = schemas.path(schemaName);
		assertThat(schema.isMissingNode()).as(schemaName + " is declared").isFalse();
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		assertThat(new ArrayList<>(value.propertyNames())).as(schemaName).containsAll(required);
		assertThat(schema.path("properties").propertyNames()).as(schemaName).containsAll(value.propertyNames());
		for (String name : value.propertyNames()) {
			if (value.get(name).isNull()) {
				assertThat(schema.path("properties").path(name).path("nullable").asBoolean())
					.as(schemaName + "." + name)
					.isTrue();
			}
		}
	}

	private static String firstDifference(String committed, String live) {
		List<String> before = committed.lines().toList();
		List<String> after = live.lines().toList();
		int line = 0;
		while (line < before.size() && line < after.size() && before.get(line).equals(after.get(line))) {
			line++;
		}
		return "first difference at line " + (line + 1) + ":\n  committed: "
				+ ((line < before.size()) ? before.get(line) : "(end)") + "\n  live:      "
				+ ((line < after.size()) ? after.get(line) : "(end)");
	}

}
