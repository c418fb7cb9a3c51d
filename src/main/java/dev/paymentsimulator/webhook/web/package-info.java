/**
 * The webhook endpoints' endpoints, the delivery log and the webhook tools.
 */
@NullMarked
package dev.paymentsimulator.webhook.web;

import org.jspecify.annotations.NullMarked;
