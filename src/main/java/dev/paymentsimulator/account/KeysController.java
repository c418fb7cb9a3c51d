package dev.paymentsimulator.account;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the holder of a secret key which publishable key goes with it, for checkout links
 * and browser code (the key filter admits only secret keys here). With an allow-list the
 * publishable key cannot be worked out by hand.
 */
@RestController
class KeysController {

	@Schema(name = "Keys", requiredProperties = { "object", "namespace", "publishable_key" })
	record KeysView(String object, String namespace, String publishableKey) {

		@Override
		public String toString() {
			return "KeysView[namespace=" + this.namespace + ", publishable_key=redacted]";
		}

	}

	@GetMapping("/v1/simulator/keys")
	KeysView keys(Caller caller) {
		return new KeysView("simulator_keys", caller.namespace().name(), caller.publishableKey());
	}

}
