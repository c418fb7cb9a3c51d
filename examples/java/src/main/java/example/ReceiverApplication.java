package example;

import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A webhook receiver that verifies Standard Webhooks signatures with the standardwebhooks
 * library.
 *
 * <pre>
 * WEBHOOK_SECRET=whsec_... PORT=4000 ../../mvnw spring-boot:run
 * </pre>
 *
 * A verified event is printed and answered 204; a request that does not verify, 400.
 */
@SpringBootApplication
@RestController
public class ReceiverApplication {

	private final Webhook webhook;

	private final JsonMapper json = JsonMapper.builder().build();

	ReceiverApplication(@Value("${WEBHOOK_SECRET}") String secret) {
		this.webhook = new Webhook(secret);
	}

	public static void main(String[] args) {
		SpringApplication.run(ReceiverApplication.class, args);
	}

	// the signature covers the body exactly as sent: take it as text, not as parsed JSON
	@PostMapping("/webhooks")
	ResponseEntity<Void> receive(@RequestBody String body, @RequestHeader("webhook-id") String id,
			@RequestHeader("webhook-timestamp") String timestamp, @RequestHeader("webhook-signature") String signature) {
		try {
			this.webhook.verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
					"webhook-signature", List.of(signature)));
		}
		catch (WebhookVerificationException refused) {
			System.out.println("signature invalid: " + refused.getMessage());
			return ResponseEntity.badRequest().build();
		}
		JsonNode event = this.json.readTree(body);
		System.out.println("signature verified: " + event.get("type").asString() + " " + event.get("id").asString());
		return ResponseEntity.noContent().build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		System.out.println("listening on http://localhost:" + System.getProperty("local.server.port",
				System.getenv().getOrDefault("PORT", "4000")) + "/webhooks");
	}

}
