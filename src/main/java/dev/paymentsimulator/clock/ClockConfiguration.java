package dev.paymentsimulator.clock;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Real time, for the few things that must follow the receiver's wall clock (webhook
	 * timestamps) and as the base of clocks that follow real time.
	 */
	@Bean
	Clock realClock() {
		return Clock.systemUTC();
	}

	@Bean
	SimulatorClock simulatorClock(Clock realClock, SimulatorProperties properties, ClockOffsets offsets,
			ApplicationEventPublisher events) {
		return new SimulatorClock(realClock, properties.clock().start(), offsets, events);
	}

	@Bean
	IdGenerator idGenerator(SimulatorProperties properties, SharedValues shared) {
		return new IdGenerator(properties.seed(), shared);
	}

}
