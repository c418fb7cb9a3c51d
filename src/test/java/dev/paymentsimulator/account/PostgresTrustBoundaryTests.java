package dev.paymentsimulator.account;

import dev.paymentsimulator.support.UsePostgres;

/** {@link TrustBoundaryTests} against the PostgreSQL store. */
@UsePostgres
class PostgresTrustBoundaryTests extends TrustBoundaryTests {

}
