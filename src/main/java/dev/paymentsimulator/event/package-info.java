/**
 * The event log: every payment change as an event, kept per namespace with its rendered
 * JSON, listed, fetched and waited for. Uses account, clock, common, payment (the events
 * it records) and store.
 */
@NullMarked
package dev.paymentsimulator.event;

import org.jspecify.annotations.NullMarked;
