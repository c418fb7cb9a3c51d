package dev.paymentsimulator.account;

/** {@link NamespaceTests} against the in-memory store. */
class InMemoryNamespaceTests extends NamespaceTests {

}
