package dev.paymentsimulator.account;

/** {@link TrustBoundaryTests} against the in-memory store. */
class InMemoryTrustBoundaryTests extends TrustBoundaryTests {

}
