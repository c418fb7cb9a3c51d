package dev.paymentsimulator.event;

import dev.paymentsimulator.store.OnPostgresStore;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With a shared store, another instance may record the event a waiter of
 * {@code /v1/events/wait} waits for, and only this instance's own events wake it: so it
 * looks again four times a second. In memory every event is recorded here, and wakes its
 * waiters at once.
 */
@Component
@OnPostgresStore
class SharedStoreWaiters {

	private final EventLog log;

	SharedStoreWaiters(EventLog log) {
		this.log = log;
	}

	@Scheduled(fixedDelay = 250)
	void lookAgain() {
		this.log.lookAgainForWaiters();
	}

}
