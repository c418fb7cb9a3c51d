package dev.paymentsimulator.common.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What each operation is called in the OpenAPI document: a stable id that reads well in
 * generated clients ({@code createPayment}, not {@code create_1}), a one-line summary,
 * the group a reader looks for it under, and for creates their {@code 201} with its
 * {@code Location}. An operation missing here stops the document from being built, so a
 * new endpoint cannot go unnamed.
 */
final class ApiOperations implements OpenApiCustomizer {

	private record Named(String id, String summary, String tag, boolean creates) {
	}

	private static final String PAYMENTS = "Payments";

	private static final String REFUNDS = "Refunds";

	private static final String EVENTS = "Events";

	private static final String ENDPOINTS = "Webhook endpoints";

	private static final String SIMULATOR = "Simulator controls";

	private static final Map<String, Named> OPERATIONS = Map.ofEntries(
			Map.entry("GET /health", new Named("health", "Whether the simulator takes requests", "Health", false)),
			Map.entry("POST /v1/payments",
					new Named("createPayment", "Create a payment, and confirm it with confirm=true", PAYMENTS, true)),
			Map.entry("GET /v1/payments", new Named("listPayments", "List payments, newest first", PAYMENTS, false)),
			Map.entry("GET /v1/payments/{id}", new Named("getPayment", "Retrieve a payment", PAYMENTS, false)),
			Map.entry("POST /v1/payments/{id}/confirm",
					new Named("confirmPayment", "Confirm a payment with a card or a test token", PAYMENTS, false)),
			Map.entry("POST /v1/payments/{id}/capture",
					new Named("capturePayment", "Capture an authorized payment, in full or in part", PAYMENTS, false)),
			Map.entry("POST /v1/payments/{id}/cancel", new Named("cancelPayment", "Cancel a payment", PAYMENTS, false)),
			Map.entry("POST /v1/payments/{id}/refunds",
					new Named("createRefund", "Refund a payment, in full or in part", REFUNDS, true)),
			Map.entry("GET /v1/refunds", new Named("listRefunds", "List refunds, newest first", REFUNDS, false)),
			Map.entry("GET /v1/refunds/{id}", new Named("getRefund", "Retrieve a refund", REFUNDS, false)),
			Map.entry("GET /v1/events", new Named("listEvents", "List events, newest first", EVENTS, false)),
			Map.entry("GET /v1/events/wait",
					new Named("waitForEvent", "Wait for the next event that matches", EVENTS, false)),
			Map.entry("GET /v1/events/{id}", new Named("getEvent", "Retrieve an event", EVENTS, false)),
			Map.entry("GET /v1/events/{id}/deliveries",
					new Named("listDeliveries", "List an event's delivery attempts", EVENTS, false)),
			Map.entry("POST /v1/events/{id}/redeliver",
					new Named("redeliverEvent", "Send an event again to its receivers", EVENTS, false)),
			Map.entry("GET /v1/webhook_endpoints",
					new Named("listWebhookEndpoints", "List webhook endpoints", ENDPOINTS, false)),
			Map.entry("POST /v1/webhook_endpoints",
					new Named("createWebhookEndpoint", "Create a webhook endpoint; its secret is shown once", ENDPOINTS,
							true)),
			Map.entry("GET /v1/webhook_endpoints/{id}",
					new Named("getWebhookEndpoint", "Retrieve a webhook endpoint", ENDPOINTS, false)),
			Map.entry("POST /v1/webhook_endpoints/{id}",
					new Named("updateWebhookEndpoint", "Update a webhook endpoint", ENDPOINTS, false)),
			Map.entry("DELETE /v1/webhook_endpoints/{id}",
					new Named("deleteWebhookEndpoint", "Delete a webhook endpoint", ENDPOINTS, false)),
			Map.entry("POST /v1/webhook_endpoints/{id}/rotate_secret",
					new Named("rotateWebhookEndpointSecret", "Rotate a webhook endpoint's secret", ENDPOINTS, false)),
			Map.entry("POST /v1/webhooks/verify",
					new Named("verifyWebhookSignature", "Check a webhook's signature as a receiver would", ENDPOINTS,
							false)),
			Map.entry("GET /v1/simulator/webhook_secret",
					new Named("getDefaultWebhookSecret", "The namespace's secret for payments' own webhook_url",
							ENDPOINTS, false)),
			Map.entry("GET /v1/simulator/keys",
					new Named("getKeys", "The namespace and its publishable key", SIMULATOR, false)),
			Map.entry("GET /v1/simulator/clock",
					new Named("getClock", "The namespace's simulated time", SIMULATOR, false)),
			Map.entry("POST /v1/simulator/clock/advance",
					new Named("advanceClock", "Move the namespace's clock forward and run what fell due", SIMULATOR,
							false)),
			Map.entry("POST /v1/simulator/reset",
					new Named("resetNamespace", "Forget everything of the namespace", SIMULATOR, false)),
			Map.entry("POST /v1/simulator/trigger",
					new Named("triggerEvent", "Make a payment that produces the given event", SIMULATOR, true)),
			Map.entry("POST /v1/simulator/payments/{id}/challenge",
					new Named("finishChallenge", "Pass or fail a payment's 3-D Secure challenge", SIMULATOR, false)));

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
		if (named.creates() && operation.getResponses().containsKey("200")) {
			ApiResponse created = operation.getResponses().remove("200");
			created.description("Created")
				.addHeaderObject("Location",
						new Header().description("Where the created object is").schema(new StringSchema()));
			operation.getResponses().addApiResponse("201", created);
		}
	}

}
