package dev.paymentsimulator.idempotency;

/** {@link IdempotencyTests} against the in-memory store. */
class InMemoryIdempotencyTests extends IdempotencyTests {

}
