package dev.paymentsimulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The one source of "now" in the service, one clock per namespace. A clock either follows
 * real time plus whatever it was advanced by, or, when a start instant is configured,
 * stands still until advanced, which makes runs repeatable.
 */
public class SimulatorClock {

	/** How far a namespace's clock may be moved ahead in all. */
	static final Duration MAX_OFFSET = Duration.ofDays(36_525);

	private final Clock realTime;

	private final Instant frozenStart;

	private final ApplicationEventPublisher events;

	private final ClockOffsets offsets;

	SimulatorClock(Clock realTime, Instant frozenStart, ClockOffsets offsets, ApplicationEventPublisher events) {
		this.realTime = realTime;
		this.frozenStart = frozenStart;
		this.offsets = offsets;
		this.events = events;
	}

	/** A clock of its own, with offsets kept in this process, for use outside a store. */
	public static SimulatorClock standalone(Clock realTime, Instant frozenStart, ApplicationEventPublisher events) {
		return new SimulatorClock(realTime, frozenStart, new InMemoryClockOffsets(), events);
	}

	public Instant now(Namespace namespace) {
		return base().plus(this.offsets.offset(namespace));
	}

	/**
	 * The now of a namespace whose clock was never advanced; every namespace's now is
	 * this plus its offset, which lets a store compare due times over all namespaces at
	 * once.
	 */
	public Instant unadvancedNow() {
		return base();
	}

	/**
	 * Moves the namespace's clock forward and runs, before returning, whatever fell due
	 * on the way (through {@link ClockAdvanced} listeners).
	 */
	public Instant advance(Namespace namespace, Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The clock only moves forward");
		}
		if (this.offsets.offset(namespace).plus(by).compareTo(MAX_OFFSET) > 0) {
			// concurrent advances may pass it by a few of their own size: a long holds
			// 292 years of nanoseconds, so the stores still never overflow
			throw ApiException.invalid("seconds", "The clock can be moved at most 100 years (" + MAX_OFFSET.toSeconds()
					+ " seconds) ahead in all; reset the namespace to start again.");
		}
		Instant now = base().plus(this.offsets.advance(namespace, by));
		this.events.publishEvent(new ClockAdvanced(namespace, now));
		return now;
	}

	/** Puts the namespace's clock back where it started. */
	public void reset(Namespace namespace) {
		this.offsets.reset(namespace);
	}

	/**
	 * Whether clocks move on their own, so due work must also be looked for over time.
	 */
	public boolean followsRealTime() {
		return this.frozenStart == null;
	}

	private Instant base() {
		Instant base = (this.frozenStart != null) ? this.frozenStart : this.realTime.instant();
		return base.truncatedTo(ChronoUnit.MILLIS);
	}

}
