package dev.paymentsimulator.payment.web;

import dev.paymentsimulator.support.UsePostgres;

/** {@link WalkthroughTests} against the PostgreSQL store. */
@UsePostgres
class PostgresWalkthroughTests extends WalkthroughTests {

}
