/**
 * Payments: the immutable aggregate, the states table in PaymentStatus, the moves on it
 * in PaymentService, test cards, refunds, retention and the two stores. Uses account,
 * clock, common and store.
 */
@NullMarked
package dev.paymentsimulator.payment;

import org.jspecify.annotations.NullMarked;
