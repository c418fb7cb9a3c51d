package dev.paymentsimulator.common.web;

import dev.paymentsimulator.support.UsePostgres;

/** {@link FuzzTests} against the PostgreSQL store. */
@UsePostgres
class PostgresFuzzTests extends FuzzTests {

}
