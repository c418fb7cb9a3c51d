/**
 * The Idempotency-Key filter: claims a key, replays the kept answer, refuses a key reused
 * with another request, with a bounded in-memory store and a PostgreSQL one. Uses
 * account, clock, common and store.
 */
@NullMarked
package dev.paymentsimulator.idempotency;

import org.jspecify.annotations.NullMarked;
