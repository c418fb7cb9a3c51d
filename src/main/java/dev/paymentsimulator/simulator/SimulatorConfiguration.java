package dev.paymentsimulator.simulator;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

	@Bean
	SimulatorClock simulatorClock(SimulatorProperties properties, ApplicationEventPublisher events) {
		return new SimulatorClock(Clock.systemUTC(), properties.clock().start(), events);
	}

	@Bean
	IdGenerator idGenerator(SimulatorProperties properties) {
		return new IdGenerator(properties.seed());
	}

}
