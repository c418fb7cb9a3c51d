package dev.paymentsimulator.reliability;

/** {@link FuzzTests} against the in-memory store. */
class InMemoryFuzzTests extends FuzzTests {

}
