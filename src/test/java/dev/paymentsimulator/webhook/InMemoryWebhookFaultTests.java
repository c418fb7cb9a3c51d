package dev.paymentsimulator.webhook;

/** {@link WebhookFaultTests} against the in-memory store. */
class InMemoryWebhookFaultTests extends WebhookFaultTests {

}
