package dev.paymentsimulator.simulator;

import dev.paymentsimulator.support.UsePostgres;

/** {@link SimulatorControlTests} against the PostgreSQL store. */
@UsePostgres
class PostgresSimulatorControlTests extends SimulatorControlTests {

}
