-- Accounts, API tokens and login throttling (DESIGN §2).

CREATE TABLE accounts (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL DEFAULT '{}'
                              CHECK (roles <@ ARRAY['ADMIN', 'EDITOR', 'TRANSLATOR', 'REVIEWER']),
    languages     text[]      NOT NULL DEFAULT '{}',
    active        boolean     NOT NULL DEFAULT true,
    version       integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Usernames are unique regardless of case: "Olena" and "olena" are the same person.
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));

CREATE TABLE api_tokens (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- SHA-256 of the secret; the secret itself is shown once and never stored.
    token_hash   bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- Failed logins per (lower-cased) username in the current window; kept for unknown usernames too,
-- so the throttle does not reveal which accounts exist.
CREATE TABLE login_failures (
    username_key      text        PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL
);
