package dev.paymentsimulator.webhook;

import java.util.Base64;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.IdGenerator;
import dev.paymentsimulator.clock.SharedValues;

import org.springframework.stereotype.Component;

/** Makes signing secrets, and keeps each namespace's default one. */
@Component
public class WebhookSecrets {

	static final String PREFIX = "whsec_";

	private static final int SECRET_BYTES = 32;

	private final IdGenerator ids;

	private final String configured;

	private final SharedValues shared;

	WebhookSecrets(IdGenerator ids, WebhookProperties properties, SharedValues shared) {
		this.ids = ids;
		this.configured = properties.secret();
		this.shared = shared;
	}

	/** A new secret: {@code whsec_} and base64 of 32 random bytes. */
	String newSecret(Namespace namespace) {
		return PREFIX + Base64.getEncoder().encodeToString(this.ids.randomBytes(namespace, "whsec", SECRET_BYTES));
	}

	/** The secret that signs deliveries to {@code metadata.webhook_url}. */
	public String defaultSecret(Namespace namespace) {
		if (this.configured != null) {
			return this.configured;
		}
		return this.shared.remember("default_webhook_secret/" + namespace.name(), () -> PREFIX
				+ Base64.getEncoder().encodeToString(this.ids.randomBytes(namespace, "default_whsec", SECRET_BYTES)));
	}

	static boolean isWellFormed(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(secret.substring(PREFIX.length())).length >= 24;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static byte[] keyOf(String secret) {
		return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
	}

}
