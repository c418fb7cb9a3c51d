package dev.paymentsimulator;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Features talk through their public types only; no feature reaches into another's
 * insides.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(PaymentSimulatorApplication.class).verify();
	}

}
