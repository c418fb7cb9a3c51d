package dev.paymentsimulator.reliability;

import dev.paymentsimulator.support.UsePostgres;

/** {@link FuzzTests} against the PostgreSQL store. */
@UsePostgres
class PostgresFuzzTests extends FuzzTests {

}
