package dev.paymentsimulator.webhook;

/** {@link WebhookTests} against the in-memory store. */
class InMemoryWebhookTests extends WebhookTests {

}
