package dev.paymentsimulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.event.Event;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The signature debugger: checks a delivery the way a receiver should, and when it fails
 * says why in the terms receiver authors struggle with.
 */
@Service
public class WebhookVerifier {

	/**
	 * Standard Webhooks receivers reject timestamps further than this from their clock.
	 */
	static final long TOLERANCE_SECONDS = 300;

	private final WebhookService webhooks;

	private final WebhookEndpoints endpoints;

	private final Clock realClock;

	private final JsonMapper json;

	WebhookVerifier(WebhookService webhooks, WebhookEndpoints endpoints, Clock realClock, JsonMapper json) {
		this.webhooks = webhooks;
		this.endpoints = endpoints;
		this.realClock = realClock;
		this.json = json;
	}

	/**
	 * The verdict, with {@code reason} naming the failure and {@code message} explaining
	 * it.
	 */
	@Schema(requiredProperties = { "valid", "reason", "message" })
	public record Verification(boolean valid, @Schema(nullable = true) @Nullable String reason, String message) {

		static Verification ok(String message) {
			return new Verification(true, null, message);
		}

		static Verification failed(String reason, String message) {
			return new Verification(false, reason, message);
		}

	}

	/**
	 * @param secret the secret to check with; when {@code null}, every secret of the
	 * namespace is tried
	 */
	public Verification verify(Namespace namespace, String body, Map<String, String> headers, String secret) {
		if (secret != null && !WebhookSecrets.isWellFormed(secret)) {
			throw ApiException.invalid("secret", "secret must be whsec_ followed by base64, as shown on create.");
		}
		Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (headers != null) {
			named.putAll(headers);
		}
		for (String header : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			if (named.get(header) == null || named.get(header).isBlank()) {
				return Verification.failed("missing_header", "The " + header
						+ " header is missing. Pass every header as received; some frameworks drop or rename them.");
			}
		}
		String id = named.get("webhook-id");
		long timestamp;
		try {
			timestamp = Long.parseLong(named.get("webhook-timestamp").trim());
		}
		catch (NumberFormatException ex) {
			return Verification.failed("malformed_header", "webhook-timestamp must be whole unix seconds.");
		}
		List<byte[]> signatures = new ArrayList<>();
		for (String part : named.get("webhook-signature").trim().split(" +")) {
			byte[] signature = decode(part);
			if (signature == null) {
				return Verification.failed("malformed_header",
						"webhook-signature must be space-separated v1,<base64> signatures.");
			}
			signatures.add(signature);
		}
		String text = (body != null) ? body : "";
		List<String> candidates = (secret != null) ? List.of(secret) : namespaceSecrets(namespace);
		if (candidates.stream().noneMatch((candidate) -> matches(candidate, id, timestamp, text, signatures))) {
			return mismatch(namespace, id, timestamp, text, signatures, secret);
		}
		long skew = Math.abs(this.realClock.instant().getEpochSecond() - timestamp);
		if (skew > TOLERANCE_SECONDS) {
			return Verification.failed("timestamp_out_of_window",
					"The signature is right, but webhook-timestamp is " + skew + " s away from now; receivers reject"
							+ " more than " + TOLERANCE_SECONDS
							+ " s to stop replays. Verify when the request arrives and check the receiver's clock.");
		}
		return Verification.ok("The signature is valid.");
	}

	private Verification mismatch(Namespace namespace, String id, long timestamp, String body, List<byte[]> signatures,
			String secret) {
		Optional<Event> sent = this.webhooks.findEvent(namespace, id);
		if (sent.isPresent() && !sent.get().json().equals(body)) {
			String how = sameJson(sent.get().json(), body)
					? "It holds the same JSON in other bytes: it was parsed and re-serialized (keys reordered,"
							+ " spacing or escapes changed). Verify the raw body bytes exactly as received."
					: "Its content differs from what was sent. Verify the raw body exactly as received.";
			return Verification.failed("body_mismatch", "The body is not the one that was signed. " + how);
		}
		if (secret != null) {
			for (WebhookEndpoint endpoint : this.endpoints.all(namespace)) {
				if (matches(endpoint.secret(), id, timestamp, body, signatures)) {
					return Verification.failed("wrong_secret", "This was signed with the secret of " + endpoint.id()
							+ ", not the one given: each endpoint has its own secret.");
				}
				if (endpoint.previousSecret() != null
						&& matches(endpoint.previousSecret(), id, timestamp, body, signatures)) {
					return Verification.failed("wrong_secret", "This was signed with the previous secret of "
							+ endpoint.id() + ", which a rotation replaced.");
				}
			}
			if (matches(this.webhooks.defaultSecret(namespace), id, timestamp, body, signatures)) {
				return Verification.failed("wrong_secret", "This was signed with the namespace's default secret"
						+ " (GET /v1/simulator/webhook_secret), which signs deliveries to metadata.webhook_url.");
			}
		}
		return Verification.failed("wrong_secret", (secret != null)
				? "No signature matches the secret given. Use the endpoint's current secret (shown on create and"
						+ " rotate), or the default secret for metadata.webhook_url deliveries."
				: "No signature matches any secret of this namespace.");
	}

	private List<String> namespaceSecrets(Namespace namespace) {
		List<String> secrets = new ArrayList<>();
		for (WebhookEndpoint endpoint : this.endpoints.all(namespace)) {
			secrets.add(endpoint.secret());
			if (endpoint.previousSecret() != null) {
				secrets.add(endpoint.previousSecret());
			}
		}
		secrets.add(this.webhooks.defaultSecret(namespace));
		return secrets;
	}

	private static boolean matches(String secret, String id, long timestamp, String body, List<byte[]> signatures) {
		byte[] expected = decode(WebhookSigner.sign(secret, id, timestamp, body));
		return signatures.stream().anyMatch((signature) -> MessageDigest.isEqual(expected, signature));
	}

	private static byte[] decode(String signature) {
		if (!signature.toLowerCase(Locale.ROOT).startsWith("v1,")) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(signature.substring(3).getBytes(StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private boolean sameJson(String sent, String received) {
		try {
			return this.json.readTree(sent).equals(this.json.readTree(received));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
