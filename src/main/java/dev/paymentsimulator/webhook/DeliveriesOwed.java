package dev.paymentsimulator.webhook;

import dev.paymentsimulator.account.Namespace;

/**
 * Deliveries were put in the outbox for the namespace; the pump sends them after commit.
 */
record DeliveriesOwed(Namespace namespace) {
}
