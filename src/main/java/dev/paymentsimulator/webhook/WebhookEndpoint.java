package dev.paymentsimulator.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.paymentsimulator.account.Namespace;

/**
 * A URL that receives a namespace's events.
 *
 * @param previousSecret the secret before the last rotation, still signing until
 * {@code previousSecretExpiresAt}
 */
public record WebhookEndpoint(String id, Namespace namespace, long sequence, String url, List<String> enabledEvents,
		boolean disabled, Instant created, String secret, String previousSecret, Instant previousSecretExpiresAt) {

	static final String ALL_EVENTS = "*";

	public WebhookEndpoint {
		enabledEvents = List.copyOf(enabledEvents);
	}

	boolean accepts(String eventType) {
		return !this.disabled && (this.enabledEvents.contains(ALL_EVENTS) || this.enabledEvents.contains(eventType));
	}

	/**
	 * The secrets a delivery is signed with now: the current one, and the old one while
	 * it lasts.
	 */
	List<String> signingSecrets(Instant now) {
		List<String> secrets = new ArrayList<>(2);
		secrets.add(this.secret);
		if (this.previousSecret != null && now.isBefore(this.previousSecretExpiresAt)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

	WebhookEndpoint withSettings(String url, List<String> enabledEvents, boolean disabled) {
		return new WebhookEndpoint(this.id, this.namespace, this.sequence, url, enabledEvents, disabled, this.created,
				this.secret, this.previousSecret, this.previousSecretExpiresAt);
	}

	WebhookEndpoint rotated(String newSecret, Instant oldExpiresAt) {
		return new WebhookEndpoint(this.id, this.namespace, this.sequence, this.url, this.enabledEvents, this.disabled,
				this.created, newSecret, this.secret, oldExpiresAt);
	}

}
