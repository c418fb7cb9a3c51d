package dev.paymentsimulator.webhook;

import dev.paymentsimulator.support.UsePostgres;

/** {@link WebhookLoadTests} against the PostgreSQL store. */
@UsePostgres
class PostgresWebhookLoadTests extends WebhookLoadTests {

}
