package dev.paymentsimulator.webhook.web;

import java.util.Map;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ListPage;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.RawJson;
import dev.paymentsimulator.webhook.DeliveryAttempt;
import dev.paymentsimulator.webhook.WebhookService;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log of one event, and sending it again. */
@RestController
@RequestMapping("/v1/events/{id}")
class DeliveryController {

	private final WebhookService webhooks;

	DeliveryController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@Schema(name = "WebhookDelivery",
			requiredProperties = { "id", "object", "event", "endpoint", "url", "attempt", "status_code", "error",
					"duration_ms", "next_attempt_at", "created", "request_body", "request_headers", "response_headers",
					"response_body" })
	record DeliveryView(String id, @Schema(allowableValues = "webhook_delivery") String object, String event,
			@Schema(nullable = true) @Nullable String endpoint, String url, int attempt,
			@Schema(nullable = true) @Nullable Integer statusCode, @Schema(nullable = true) @Nullable String error,
			long durationMs, @Schema(nullable = true) @Nullable Long nextAttemptAt, long created, String requestBody,
			Map<String, String> requestHeaders,
			@Schema(nullable = true,
					description = "The receiver's answer's headers; null when none came back") @Nullable Map<String, String> responseHeaders,
			@Schema(nullable = true,
					description = "The first KiB of the receiver's answer; null when none came back") @Nullable String responseBody) {

		static DeliveryView of(DeliveryAttempt attempt) {
			return new DeliveryView(attempt.id(), "webhook_delivery", attempt.eventId(), attempt.endpointId(),
					attempt.url(), attempt.attempt(), attempt.statusCode(), attempt.error(), attempt.durationMs(),
					(attempt.nextAttemptAt() != null) ? attempt.nextAttemptAt().getEpochSecond() : null,
					attempt.created().getEpochSecond(), attempt.requestBody(), attempt.requestHeaders(),
					attempt.responseHeaders(), attempt.responseBody());
		}

	}

	@GetMapping("/deliveries")
	ListPage<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(name = "starting_after", required = false) String startingAfter, Namespace namespace) {
		return this.webhooks.deliveries(namespace, id, PageRequest.of(limit, startingAfter))
			.toPage("/v1/events/" + id + "/deliveries")
			.map(DeliveryView::of);
	}

	/** Sends the event again now; 202 because the sending itself happens afterwards. */
	@PostMapping("/redeliver")
	ResponseEntity<RawJson> redeliver(@PathVariable String id, Namespace namespace) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new RawJson(this.webhooks.redeliver(namespace, id).json()));
	}

}
