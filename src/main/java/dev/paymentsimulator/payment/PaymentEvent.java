package dev.paymentsimulator.payment;

import java.time.Instant;

import dev.paymentsimulator.account.Namespace;

import org.jspecify.annotations.Nullable;

/**
 * Published after a payment's change is stored: the payment as it is after the change,
 * and the refund for {@code payment.refunded}.
 *
 * @param previousStatus the status before the change; {@code null} for a new payment
 */
public record PaymentEvent(Namespace namespace, PaymentEventType type, @Nullable PaymentStatus previousStatus,
		Payment payment, @Nullable Refund refund, Instant occurredAt) {
}
