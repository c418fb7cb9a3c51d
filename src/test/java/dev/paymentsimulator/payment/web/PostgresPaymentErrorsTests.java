package dev.paymentsimulator.payment.web;

import dev.paymentsimulator.support.UsePostgres;

/** {@link PaymentErrorsTests} against the PostgreSQL store. */
@UsePostgres
class PostgresPaymentErrorsTests extends PaymentErrorsTests {

}
