package dev.paymentsimulator.webhook.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ListPage;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.ProblemAnswers;
import dev.paymentsimulator.webhook.WebhookEndpoint;
import dev.paymentsimulator.webhook.WebhookService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/webhook_endpoints")
class WebhookEndpointController {

	private final WebhookService webhooks;

	WebhookEndpointController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * The endpoint as the API shows it; {@code secret} only right after create and
	 * rotate.
	 */
	@Schema(name = "WebhookEndpoint",
			requiredProperties = { "id", "object", "url", "enabled_events", "disabled", "created" })
	record EndpointView(String id, @Schema(allowableValues = "webhook_endpoint") String object, String url,
			List<String> enabledEvents, boolean disabled, long created,
			@Schema(description = "Only in the answers to create and rotate_secret") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

		static EndpointView of(WebhookEndpoint endpoint, boolean withSecret) {
			return new EndpointView(endpoint.id(), "webhook_endpoint", endpoint.url(), endpoint.enabledEvents(),
					endpoint.disabled(), endpoint.created().getEpochSecond(), withSecret ? endpoint.secret() : null);
		}

		@Override
		public String toString() {
			return "EndpointView[id=" + this.id + ", secret=redacted]";
		}

	}

	@Schema(name = "DeletedWebhookEndpoint", requiredProperties = { "id", "object", "deleted" })
	record Deleted(String id, @Schema(allowableValues = "webhook_endpoint") String object, boolean deleted) {
	}

	record CreateEndpoint(@NotNull String url, List<String> enabledEvents, Boolean disabled) {
	}

	record UpdateEndpoint(String url, List<String> enabledEvents, Boolean disabled) {
	}

	record Rotate(@Min(0) @Max(604_800) Long expireOldInSeconds) {
	}

	@ProblemAnswers(ErrorCode.LIMIT_EXCEEDED)
	@PostMapping
	ResponseEntity<EndpointView> create(@Valid @RequestBody CreateEndpoint request, Namespace namespace) {
		WebhookEndpoint endpoint = this.webhooks.create(namespace, request.url(), request.enabledEvents(),
				request.disabled());
		return ResponseEntity.created(URI.create("/v1/webhook_endpoints/" + endpoint.id()))
			.body(EndpointView.of(endpoint, true));
	}

	@GetMapping
	ListPage<EndpointView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(name = "starting_after", required = false) String startingAfter, Namespace namespace) {
		return this.webhooks.list(namespace, PageRequest.of(limit, startingAfter))
			.toPage("/v1/webhook_endpoints")
			.map((endpoint) -> EndpointView.of(endpoint, false));
	}

	@GetMapping("/{id}")
	EndpointView get(@PathVariable String id, Namespace namespace) {
		return EndpointView.of(this.webhooks.get(namespace, id), false);
	}

	@PostMapping("/{id}")
	EndpointView update(@PathVariable String id, @Valid @RequestBody UpdateEndpoint request, Namespace namespace) {
		return EndpointView
			.of(this.webhooks.update(namespace, id, request.url(), request.enabledEvents(), request.disabled()), false);
	}

	@DeleteMapping("/{id}")
	Deleted delete(@PathVariable String id, Namespace namespace) {
		this.webhooks.delete(namespace, id);
		return new Deleted(id, "webhook_endpoint", true);
	}

	@PostMapping("/{id}/rotate_secret")
	EndpointView rotate(@PathVariable String id, @Valid @RequestBody(required = false) Rotate request,
			Namespace namespace) {
		long overlap = (request != null && request.expireOldInSeconds() != null) ? request.expireOldInSeconds()
				: 86_400;
		return EndpointView.of(this.webhooks.rotateSecret(namespace, id, Duration.ofSeconds(overlap)), true);
	}

}
