package dev.paymentsimulator.common.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What each operation is called in the OpenAPI document: a stable id that reads well in
 * generated clients ({@code createPayment}, not {@code create_1}), a one-line summary,
 * the group a reader looks for it under, and for creates their {@code 201} with its
 * {@code Location}, and a {@code 202} for what happens afterwards. An operation missing
 * here stops the document from being built, so a new endpoint cannot go unnamed.
 */
final class ApiOperations implements OpenApiCustomizer {

	private record Named(String id, String summary, String tag, int status) {
	}

	private static final String PAYMENTS = "Payments";

	private static final String REFUNDS = "Refunds";

	private static final String EVENTS = "Events";

	private static final String ENDPOINTS = "Webhook endpoints";

	private static final String WEBHOOK_TOOLS = "Webhook tools";

	private static final String SIMULATOR = "Simulator";

	/** The groups in the order a reader meets them, each with its one line. */
	static final List<Tag> TAGS = List.of(
			new Tag().name(PAYMENTS).description("Take money: create, confirm, capture and cancel payments"),
			new Tag().name(REFUNDS).description("Give money back, in full or in part, several times"),
			new Tag().name(EVENTS)
				.description("Every change of a payment, its webhook deliveries, and waiting for one"),
			new Tag().name(ENDPOINTS).description("Where webhooks go, which events each receives, and their secrets"),
			new Tag().name(WEBHOOK_TOOLS)
				.description("Check a signature as a receiver would; the secret for webhook_url"),
			new Tag().name(SIMULATOR)
				.description("Controls that no real gateway has: keys, the clock, 3-D Secure, triggers and reset"));

	private static final Map<String, Named> OPERATIONS = Map.ofEntries(
			Map.entry("GET /health", new Named("health", "Whether the simulator takes requests", SIMULATOR, 200)),
			Map.entry("POST /v1/payments",
					new Named("createPayment", "Create a payment, and confirm it with confirm=true", PAYMENTS, 201)),
			Map.entry("GET /v1/payments", new Named("listPayments", "List payments, newest first", PAYMENTS, 200)),
			Map.entry("GET /v1/payments/{id}", new Named("getPayment", "Retrieve a payment", PAYMENTS, 200)),
			Map.entry("POST /v1/payments/{id}/confirm",
					new Named("confirmPayment", "Confirm a payment with a card or a test token", PAYMENTS, 200)),
			Map.entry("POST /v1/payments/{id}/capture",
					new Named("capturePayment", "Capture an authorized payment, in full or in part", PAYMENTS, 200)),
			Map.entry("POST /v1/payments/{id}/cancel", new Named("cancelPayment", "Cancel a payment", PAYMENTS, 200)),
			Map.entry("POST /v1/payments/{id}/refunds",
					new Named("createRefund", "Refund a payment, in full or in part", REFUNDS, 201)),
			Map.entry("GET /v1/refunds", new Named("listRefunds", "List refunds, newest first", REFUNDS, 200)),
			Map.entry("GET /v1/refunds/{id}", new Named("getRefund", "Retrieve a refund", REFUNDS, 200)),
			Map.entry("GET /v1/events", new Named("listEvents", "List events, newest first", EVENTS, 200)),
			Map.entry("GET /v1/events/wait",
					new Named("waitForEvent", "Wait for the next event that matches", EVENTS, 200)),
			Map.entry("GET /v1/events/{id}", new Named("getEvent", "Retrieve an event", EVENTS, 200)),
			Map.entry("GET /v1/events/{id}/deliveries",
					new Named("listDeliveries", "List an event's delivery attempts", EVENTS, 200)),
			Map.entry("POST /v1/events/{id}/redeliver",
					new Named("redeliverEvent", "Send an event again to its receivers", EVENTS, 202)),
			Map.entry("GET /v1/webhook_endpoints",
					new Named("listWebhookEndpoints", "List webhook endpoints", ENDPOINTS, 200)),
			Map.entry("POST /v1/webhook_endpoints",
					new Named("createWebhookEndpoint", "Create a webhook endpoint; its secret is shown once", ENDPOINTS,
							201)),
			Map.entry("GET /v1/webhook_endpoints/{id}",
					new Named("getWebhookEndpoint", "Retrieve a webhook endpoint", ENDPOINTS, 200)),
			Map.entry("POST /v1/webhook_endpoints/{id}",
					new Named("updateWebhookEndpoint", "Update a webhook endpoint", ENDPOINTS, 200)),
			Map.entry("DELETE /v1/webhook_endpoints/{id}",
					new Named("deleteWebhookEndpoint", "Delete a webhook endpoint", ENDPOINTS, 200)),
			Map.entry("POST /v1/webhook_endpoints/{id}/rotate_secret",
					new Named("rotateWebhookEndpointSecret", "Rotate a webhook endpoint's secret", ENDPOINTS, 200)),
			Map.entry("POST /v1/webhooks/verify",
					new Named("verifyWebhookSignature", "Check a webhook's signature as a receiver would",
							WEBHOOK_TOOLS, 200)),
			Map.entry("GET /v1/simulator/webhook_secret",
					new Named("getDefaultWebhookSecret", "The namespace's secret for payments' own webhook_url",
							WEBHOOK_TOOLS, 200)),
			Map.entry("GET /v1/simulator/keys",
					new Named("getKeys", "The namespace and its publishable key", SIMULATOR, 200)),
			Map.entry("GET /v1/simulator/clock",
					new Named("getClock", "The namespace's simulated time", SIMULATOR, 200)),
			Map.entry("POST /v1/simulator/clock/advance",
					new Named("advanceClock", "Move the namespace's clock forward and run what fell due", SIMULATOR,
							200)),
			Map.entry("GET /v1/simulator/stream",
					new Named("streamNamespace", "Follow the namespace's events and delivery attempts as they happen",
							SIMULATOR, 200)),
			Map.entry("POST /v1/simulator/reset",
					new Named("resetNamespace", "Forget everything of the namespace", SIMULATOR, 200)),
			Map.entry("POST /v1/simulator/trigger",
					new Named("triggerEvent", "Make a payment that produces the given event", SIMULATOR, 201)),
			Map.entry("POST /v1/simulator/payments/{id}/challenge",
					new Named("finishChallenge", "Pass or fail a payment's 3-D Secure challenge", SIMULATOR, 200)));

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> name(path, method, operation)));
	}

	private static void name(String path, PathItem.HttpMethod method, Operation operation) {
		String key = method + " " + path;
		Named named = OPERATIONS.get(key);
		if (named == null) {
			throw new IllegalStateException("No operation id and summary for " + key + " in ApiOperations");
		}
		operation.operationId(named.id()).summary(named.summary()).tags(List.of(named.tag()));
		if (named.status() != 200 && operation.getResponses().containsKey("200")) {
			ApiResponse answer = operation.getResponses().remove("200");
			if (named.status() == 201) {
				answer.description("Created")
					.addHeaderObject("Location",
							new Header().description("Where the created object is")
								.required(true)
								.schema(new StringSchema()));
			}
			else {
				answer.description("Accepted: the sending happens afterwards");
			}
			operation.getResponses().addApiResponse(Integer.toString(named.status()), answer);
		}
	}

}
