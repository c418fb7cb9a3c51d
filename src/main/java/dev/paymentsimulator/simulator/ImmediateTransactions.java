package dev.paymentsimulator.simulator;

import java.util.function.Supplier;

/** Runs work as it comes: each in-memory store is atomic on its own. */
enum ImmediateTransactions implements Transactions {

	INSTANCE;

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		return work.get();
	}

	@Override
	public void afterCommit(Runnable action) {
		action.run();
	}

}
