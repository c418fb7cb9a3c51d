package dev.paymentsimulator.clock;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.store.OnMemoryStore;

import org.springframework.stereotype.Component;

/** Each namespace's clock offset, kept in this process. */
@Component
@OnMemoryStore
class InMemoryClockOffsets implements ClockOffsets {

	private final ConcurrentMap<Namespace, Duration> offsets = new ConcurrentHashMap<>();

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

}
