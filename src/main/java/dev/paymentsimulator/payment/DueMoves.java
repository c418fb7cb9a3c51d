package dev.paymentsimulator.payment;

import java.time.Instant;
import java.util.Optional;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.ClockAdvanced;
import dev.paymentsimulator.clock.SimulatorClock;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the moves the clock owes payments: a {@code processing} payment settles, an
 * authorization lapses. Runs when a namespace's clock is advanced and, for clocks that
 * follow real time, once a second.
 */
@Component
class DueMoves {

	private final Payments payments;

	private final PaymentService service;

	private final SimulatorClock clock;

	DueMoves(Payments payments, PaymentService service, SimulatorClock clock) {
		this.payments = payments;
		this.service = service;
		this.clock = clock;
	}

	/** Runs, in due order, every move the namespace's clock owes up to now. */
	@EventListener
	void onClockAdvanced(ClockAdvanced advanced) {
		runDue(advanced.namespace(), advanced.now());
	}

	/**
	 * A clock that follows real time moves on its own; look for due moves each second.
	 */
	@Scheduled(fixedDelay = 1000)
	void runDueOnRealTime() {
		if (this.clock.followsRealTime()) {
			for (Namespace namespace : this.payments.namespaces()) {
				runDue(namespace, this.clock.now(namespace));
			}
		}
	}

	/**
	 * Makes every move the namespace's clock owes at {@code now}. Stops when the payment
	 * it found is gone or is another one of the same id: the namespace was reset
	 * meanwhile, and {@code now} is not its clock's any more.
	 */
	private void runDue(Namespace namespace, Instant now) {
		Optional<Payments.DueMove> due;
		while ((due = this.payments.nextDue(namespace, now)).isPresent()) {
			Payments.DueMove owed = due.get();
			Payment after;
			try {
				after = this.service.runDue(namespace, owed, now);
			}
			catch (ApiException gone) {
				if (gone.code() == ErrorCode.RESOURCE_MISSING) {
					return;
				}
				throw gone;
			}
			if (after.sequence() != owed.sequence()) {
				return;
			}
		}
	}

}
