package dev.paymentsimulator.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Counts attempts under way, over all receivers and per target key, against their caps.
 * Only the outbox pump takes a slot, one at a time, so a check and its increment cannot
 * race each other past a cap; any thread gives one back.
 */
final class DeliverySlots {

	private final int maxInFlight;

	private final int maxPerTarget;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final ConcurrentMap<String, AtomicInteger> perTarget = new ConcurrentHashMap<>();

	DeliverySlots(int maxInFlight, int maxPerTarget) {
		this.maxInFlight = maxInFlight;
		this.maxPerTarget = maxPerTarget;
	}

	/** Takes a slot for the target, unless a cap is reached. */
	boolean tryTake(String key) {
		if (this.inFlight.get() >= this.maxInFlight) {
			return false;
		}
		AtomicInteger target = this.perTarget.computeIfAbsent(key, (k) -> new AtomicInteger());
		if (target.get() >= this.maxPerTarget) {
			return false;
		}
		target.incrementAndGet();
		this.inFlight.incrementAndGet();
		return true;
	}

	void giveBack(String key) {
		AtomicInteger target = this.perTarget.get(key);
		if (target != null) {
			target.decrementAndGet();
		}
		this.inFlight.decrementAndGet();
	}

	int free() {
		return Math.max(0, this.maxInFlight - this.inFlight.get());
	}

	int inFlight() {
		return this.inFlight.get();
	}

	/** The targets at their cap, whose owed deliveries must wait. */
	Set<String> fullTargets() {
		return this.perTarget.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().get() >= this.maxPerTarget)
			.map(ConcurrentMap.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

}
