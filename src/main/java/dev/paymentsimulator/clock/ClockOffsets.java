package dev.paymentsimulator.clock;

import java.time.Duration;

import dev.paymentsimulator.account.Namespace;

/** How far each namespace's clock was moved forward. */
interface ClockOffsets {

	Duration offset(Namespace namespace);

	/** Adds {@code by} atomically; answers the new offset. */
	Duration advance(Namespace namespace, Duration by);

	void reset(Namespace namespace);

}
