package dev.paymentsimulator.control;

import dev.paymentsimulator.support.UsePostgres;

/** {@link RetentionTests} against the PostgreSQL store. */
@UsePostgres
class PostgresRetentionTests extends RetentionTests {

}
