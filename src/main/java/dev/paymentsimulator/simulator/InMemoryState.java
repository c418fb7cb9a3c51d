package dev.paymentsimulator.simulator;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.paymentsimulator.account.Namespace;

import org.springframework.stereotype.Component;

/** The simulator's own state in this process: clock offsets and values made once. */
@Component
@OnMemoryStore
class InMemoryState implements ClockOffsets, SharedValues {

	private final ConcurrentMap<Namespace, Duration> offsets = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();

	@Override
	public Duration offset(Namespace namespace) {
		return this.offsets.getOrDefault(namespace, Duration.ZERO);
	}

	@Override
	public Duration advance(Namespace namespace, Duration by) {
		return this.offsets.merge(namespace, by, Duration::plus);
	}

	@Override
	public void reset(Namespace namespace) {
		this.offsets.remove(namespace);
	}

	@Override
	public String remember(String name, Supplier<String> fresh) {
		return this.values.computeIfAbsent(name, (key) -> fresh.get());
	}

}
