/**
 * The simulator's own controls, for tests: reset a namespace, trigger an event, the fault
 * and latency headers. Uses account, clock, common, event, payment and store.
 */
@NullMarked
package dev.paymentsimulator.simulator;

import org.jspecify.annotations.NullMarked;
