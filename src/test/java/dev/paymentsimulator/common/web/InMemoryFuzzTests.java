package dev.paymentsimulator.common.web;

/** {@link FuzzTests} against the in-memory store. */
class InMemoryFuzzTests extends FuzzTests {

}
