package dev.paymentsimulator.payment;

import dev.paymentsimulator.support.UsePostgres;

/**
 * {@link RetentionTests} against the PostgreSQL store, which sweeps every fifth create.
 */
@UsePostgres
class PostgresRetentionTests extends RetentionTests {

	@Override
	int slack() {
		return 4;
	}

}
