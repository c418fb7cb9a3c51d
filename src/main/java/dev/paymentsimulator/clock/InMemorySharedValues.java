package dev.paymentsimulator.clock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.paymentsimulator.store.OnMemoryStore;

import org.springframework.stereotype.Component;

/** Values made once, kept in this process: the only instance there is to agree with. */
@Component
@OnMemoryStore
class InMemorySharedValues implements SharedValues {

	private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();

	@Override
	public String remember(String name, Supplier<String> fresh) {
		return this.values.computeIfAbsent(name, (key) -> fresh.get());
	}

}
