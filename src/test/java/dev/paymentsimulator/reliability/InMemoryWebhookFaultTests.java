package dev.paymentsimulator.reliability;

/** {@link WebhookFaultTests} against the in-memory store. */
class InMemoryWebhookFaultTests extends WebhookFaultTests {

}
