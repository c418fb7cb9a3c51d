package dev.paymentsimulator.webhook.web;

import java.util.Map;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.webhook.WebhookService;
import dev.paymentsimulator.webhook.WebhookVerifier;
import dev.paymentsimulator.webhook.WebhookVerifier.Verification;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Helpers for people writing a webhook receiver. */
@RestController
class WebhookToolsController {

	private final WebhookVerifier verifier;

	private final WebhookService webhooks;

	WebhookToolsController(WebhookVerifier verifier, WebhookService webhooks) {
		this.verifier = verifier;
		this.webhooks = webhooks;
	}

	record Verify(@NotNull String body, @NotNull Map<String, String> headers, String secret) {

		@Override
		public String toString() {
			return "Verify[secret=redacted]";
		}

	}

	@Schema(name = "WebhookSecret", requiredProperties = { "object", "secret" })
	record SecretView(String object, String secret) {

		@Override
		public String toString() {
			return "SecretView[secret=redacted]";
		}

	}

	@PostMapping("/v1/webhooks/verify")
	Verification verify(@Valid @RequestBody Verify request, Namespace namespace) {
		return this.verifier.verify(namespace, request.body(), request.headers(), request.secret());
	}

	@GetMapping("/v1/simulator/webhook_secret")
	SecretView defaultSecret(Namespace namespace) {
		return new SecretView("webhook_secret", this.webhooks.defaultSecret(namespace));
	}

}
