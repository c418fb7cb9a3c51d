package dev.paymentsimulator.webhook;

import dev.paymentsimulator.support.UsePostgres;

/** {@link WebhookFaultTests} against the PostgreSQL store. */
@UsePostgres
class PostgresWebhookFaultTests extends WebhookFaultTests {

}
