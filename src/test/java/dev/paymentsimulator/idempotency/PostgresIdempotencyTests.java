package dev.paymentsimulator.idempotency;

import dev.paymentsimulator.support.UsePostgres;

/** {@link IdempotencyTests} against the PostgreSQL store. */
@UsePostgres
class PostgresIdempotencyTests extends IdempotencyTests {

}
