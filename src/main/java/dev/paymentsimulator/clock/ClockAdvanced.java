package dev.paymentsimulator.clock;

import java.time.Instant;

import dev.paymentsimulator.account.Namespace;

/** Published after a namespace's clock was moved forward, so due work can run. */
public record ClockAdvanced(Namespace namespace, Instant now) {
}
