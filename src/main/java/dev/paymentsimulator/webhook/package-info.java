/**
 * Webhook endpoints and deliveries: the outbox and its pump, the dispatcher with its
 * caps, the Standard Webhooks signer and verifier, the delivery log and redelivery, with
 * both stores. Uses account, clock, common, event, payment and store.
 */
@NullMarked
package dev.paymentsimulator.webhook;

import org.jspecify.annotations.NullMarked;
