package dev.paymentsimulator.simulator;

/** {@link SimulatorControlTests} against the in-memory store. */
class InMemorySimulatorControlTests extends SimulatorControlTests {

}
