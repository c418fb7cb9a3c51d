/**
 * The /v1/simulator endpoints: reset, trigger and the clock.
 */
@NullMarked
package dev.paymentsimulator.simulator.web;

import org.jspecify.annotations.NullMarked;
