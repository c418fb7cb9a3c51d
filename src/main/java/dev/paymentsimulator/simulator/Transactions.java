package dev.paymentsimulator.simulator;

import java.util.function.Supplier;

/**
 * Runs a unit of work so that everything it stores lands together or not at all. In
 * memory each store is atomic on its own and this just runs the work; on PostgreSQL it is
 * one database transaction, so a state change, its event and the event's pending
 * deliveries commit together.
 */
public interface Transactions {

	/** Runs {@code work} in the current transaction, or in a new one if none is open. */
	<T> T inTransaction(Supplier<T> work);

	/**
	 * Runs {@code action} once the current transaction has committed, or at once outside
	 * one; never if it rolls back.
	 */
	void afterCommit(Runnable action);

	/**
	 * Transactions that just run their work, for stores that are atomic on their own.
	 */
	static Transactions immediate() {
		return ImmediateTransactions.INSTANCE;
	}

}
