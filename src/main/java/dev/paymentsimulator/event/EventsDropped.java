package dev.paymentsimulator.event;

import java.util.Set;

import dev.paymentsimulator.account.Namespace;

/** Published when events were dropped with their payments, so their deliveries go too. */
public record EventsDropped(Namespace namespace, Set<String> eventIds) {
}
