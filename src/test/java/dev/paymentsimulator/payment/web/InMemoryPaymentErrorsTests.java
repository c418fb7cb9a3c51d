package dev.paymentsimulator.payment.web;

/** {@link PaymentErrorsTests} against the in-memory store. */
class InMemoryPaymentErrorsTests extends PaymentErrorsTests {

}
