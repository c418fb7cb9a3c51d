package dev.paymentsimulator.simulator;

/** Where the simulator keeps its world: {@code simulator.store}. */
public enum StoreKind {

	/** In this process only: fast, gone on restart. The default. */
	MEMORY,

	/**
	 * In PostgreSQL, through {@code spring.datasource.*}: survives restarts and is shared
	 * by every instance pointed at the same database.
	 */
	POSTGRES

}
