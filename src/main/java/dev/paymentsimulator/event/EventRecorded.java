package dev.paymentsimulator.event;

/** Published once an event is stored, for whoever delivers it. */
public record EventRecorded(Event event) {
}
