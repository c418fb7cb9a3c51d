package dev.paymentsimulator.account;

import dev.paymentsimulator.support.UsePostgres;

/** {@link NamespaceTests} against the PostgreSQL store. */
@UsePostgres
class PostgresNamespaceTests extends NamespaceTests {

}
