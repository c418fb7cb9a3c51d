-- Deliveries are claimed over every namespace at once, in due order: an index on the due
-- time alone serves that scan.
create index webhook_outbox_due_everywhere on webhook_outbox (due_at, id);
