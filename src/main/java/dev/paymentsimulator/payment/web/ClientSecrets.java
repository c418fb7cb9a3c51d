package dev.paymentsimulator.payment.web;

import dev.paymentsimulator.account.Caller;
import dev.paymentsimulator.common.ApiException;

/**
 * A publishable key proves itself with the payment's client secret; without one it is
 * answered as if the payment did not exist, so ids cannot be probed from a browser.
 */
final class ClientSecrets {

	private ClientSecrets() {
	}

	static String required(Caller caller, String paymentId, String clientSecret) {
		if (caller.publishable() && clientSecret == null) {
			throw ApiException.notFound("payment", paymentId);
		}
		return clientSecret;
	}

}
