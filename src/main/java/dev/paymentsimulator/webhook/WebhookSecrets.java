package dev.paymentsimulator.webhook;

import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.simulator.IdGenerator;

import org.springframework.stereotype.Component;

/** Makes signing secrets, and keeps each namespace's default one. */
@Component
public class WebhookSecrets {

	static final String PREFIX = "whsec_";

	private static final int SECRET_BYTES = 32;

	private final IdGenerator ids;

	private final String configured;

	private final ConcurrentMap<Namespace, String> defaults = new ConcurrentHashMap<>();

	WebhookSecrets(IdGenerator ids, WebhookProperties properties) {
		this.ids = ids;
		this.configured = properties.secret();
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
		return this.defaults.computeIfAbsent(namespace, (ns) -> PREFIX
				+ Base64.getEncoder().encodeToString(this.ids.randomBytes(ns, "default_whsec", SECRET_BYTES)));
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
