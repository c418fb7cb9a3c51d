/**
 * The simulated clock, one per namespace, that tests can move forward, and the id
 * generator that makes ids, client secrets and card fingerprints, seeded for repeatable
 * runs. Keeps each namespace's clock offset and the values made once in the chosen store.
 * Uses account, common and store.
 */
@NullMarked
package dev.paymentsimulator.clock;

import org.jspecify.annotations.NullMarked;
