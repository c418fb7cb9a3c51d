package dev.paymentsimulator.webhook;

import dev.paymentsimulator.support.UsePostgres;

/** {@link WebhookTests} against the PostgreSQL store. */
@UsePostgres
class PostgresWebhookTests extends WebhookTests {

}
