package dev.paymentsimulator.simulator;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

	/**
	 * Real time, for the few things that must follow the receiver's wall clock (webhook
	 * timestamps) and as the base of clocks that follow real time.
	 */
	@Bean
	Clock realClock() {
		return Clock.systemUTC();
	}

	@Bean
	SimulatorClock simulatorClock(Clock realClock, SimulatorProperties properties, ApplicationEventPublisher events) {
		return new SimulatorClock(realClock, properties.clock().start(), events);
	}

	@Bean
	IdGenerator idGenerator(SimulatorProperties properties) {
		return new IdGenerator(properties.seed());
	}

}
