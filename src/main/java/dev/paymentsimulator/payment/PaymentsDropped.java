package dev.paymentsimulator.payment;

import java.util.List;

import dev.paymentsimulator.account.Namespace;

/** Published when retention dropped payments, so their events and deliveries go too. */
public record PaymentsDropped(Namespace namespace, List<String> paymentIds) {
}
