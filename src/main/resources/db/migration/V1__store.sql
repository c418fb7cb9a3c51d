-- The PostgreSQL store (simulator.store=postgres). Aggregates are kept whole as JSON
-- next to the columns that queries filter and sort by; every table is keyed by namespace.

-- one creation order for payments, refunds, events and endpoints: lists sort by it and
-- retention drops by it
create sequence creation_order;

create table payments (
    namespace text not null,
    id text not null,
    sequence bigint not null,
    status text not null,
    finished boolean not null,
    due_at timestamptz,
    data jsonb not null,
    primary key (namespace, id)
);
create index payments_newest on payments (namespace, sequence desc);
create index payments_due on payments (namespace, due_at) where due_at is not null;
create index payments_finished on payments (sequence) where finished;

create table refunds (
    namespace text not null,
    id text not null,
    payment_id text not null,
    sequence bigint not null,
    primary key (namespace, id),
    foreign key (namespace, payment_id) references payments (namespace, id) on delete cascade
);
create index refunds_newest on refunds (namespace, sequence desc);
create index refunds_of_payment on refunds (namespace, payment_id);

create table events (
    namespace text not null,
    id text not null,
    sequence bigint not null,
    type text not null,
    payment_id text not null,
    webhook_url text,
    created timestamptz not null,
    payment jsonb not null,
    refund jsonb,
    primary key (namespace, id)
);
create index events_newest on events (namespace, sequence desc);
create index events_of_payment on events (namespace, payment_id);

create table webhook_endpoints (
    namespace text not null,
    id text not null,
    sequence bigint not null,
    data jsonb not null,
    primary key (namespace, id)
);
create index webhook_endpoints_newest on webhook_endpoints (namespace, sequence desc);

create table webhook_attempts (
    number bigserial primary key,
    namespace text not null,
    event_id text not null,
    data jsonb not null
);
create index webhook_attempts_of_event on webhook_attempts (namespace, event_id, number);

-- the transactional outbox: deliveries owed, written with the change that caused them
create table webhook_outbox (
    id bigserial primary key,
    namespace text not null,
    event_id text not null,
    url text not null,
    endpoint_id text,
    attempt integer not null,
    due_at timestamptz not null,
    -- a sender's claim; once past, the sender is taken for dead and anyone may claim it
    claimed_until timestamptz
);
create index webhook_outbox_due on webhook_outbox (namespace, due_at, id);
create index webhook_outbox_of_event on webhook_outbox (namespace, event_id);

create table idempotency_keys (
    namespace text not null,
    key text not null,
    method text not null,
    path text not null,
    body_hash bytea not null,
    -- set while the key's request runs, null once its answer is kept
    claim_token text,
    status integer,
    content_type text,
    location text,
    body bytea,
    expires_at timestamptz not null,
    kept_at timestamptz not null default now(),
    primary key (namespace, key)
);
create index idempotency_keys_kept on idempotency_keys (kept_at) where claim_token is null;

create table clocks (
    namespace text primary key,
    offset_nanos bigint not null
);

create table shared_values (
    name text primary key,
    value text not null
);
