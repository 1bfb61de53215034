-- Persisted, at-least-once deliveries from the outbox (issue 10): WebSub pings and webhooks. Rows are
-- written in the outbox relay's transaction, so a change that committed is never lost; workers claim due
-- rows with FOR UPDATE SKIP LOCKED and keep the retry schedule in the row, so it survives restarts.

-- One pending ping per feed URL (coalesced): the row stays until the hub answers 2xx. A change arriving while
-- a ping is in flight bumps the generation, so the row outlives that ping and the hub hears again.
CREATE TABLE websub_pings (
    feed_url        text        PRIMARY KEY,
    generation      bigint      NOT NULL DEFAULT 0,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX websub_pings_due ON websub_pings (next_attempt_at);

-- Admin-managed webhook subscriptions. The signing secret must be kept retrievably (HMAC needs it to sign);
-- it is shown to the admin once, at creation, and never again by the API.
CREATE TABLE webhooks (
    id              uuid        PRIMARY KEY,
    url             text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    event_types     text[]      NOT NULL,
    languages       text[]      NOT NULL DEFAULT '{}',
    enabled         boolean     NOT NULL DEFAULT true,
    secret          text        NOT NULL,
    disabled_reason text,
    failing_since   timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- One message per (subscription, event): the same webhook-id and body on every attempt.
-- state: pending (next_attempt_at set), delivered, failed (the retry schedule ran out).
CREATE TABLE webhook_deliveries (
    id              uuid        PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_type      text        NOT NULL,
    payload         text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC, id DESC);

-- The delivery log: every attempt, its HTTP status or error, and how long it took.
CREATE TABLE webhook_attempts (
    id              bigserial   PRIMARY KEY,
    delivery_id     uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at    timestamptz NOT NULL,
    status          integer,
    error           text,
    duration_millis integer     NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
