/** {@code GET /v1/simulator/stream}, the live stream's endpoint. */
@NullMarked
package dev.paymentsimulator.live.web;

import org.jspecify.annotations.NullMarked;
