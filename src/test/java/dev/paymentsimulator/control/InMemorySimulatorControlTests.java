package dev.paymentsimulator.control;

/** {@link SimulatorControlTests} against the in-memory store. */
class InMemorySimulatorControlTests extends SimulatorControlTests {

}
