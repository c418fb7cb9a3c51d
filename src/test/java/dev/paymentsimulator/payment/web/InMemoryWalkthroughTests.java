package dev.paymentsimulator.payment.web;

/** {@link WalkthroughTests} against the in-memory store. */
class InMemoryWalkthroughTests extends WalkthroughTests {

}
