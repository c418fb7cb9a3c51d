package dev.paymentsimulator.webhook;

import dev.paymentsimulator.account.Namespace;

/** Published once a delivery attempt is in the delivery log. */
public record DeliveryRecorded(Namespace namespace, DeliveryAttempt attempt) {
}
