/**
 * The live stream the dashboard follows: a namespace's events and delivery attempts as
 * server-sent events, as they happen, each subscriber with a bounded queue so that one
 * that stops reading is let go instead of holding memory or threads. Uses account,
 * common, event and webhook.
 */
@NullMarked
package dev.paymentsimulator.live;

import org.jspecify.annotations.NullMarked;
