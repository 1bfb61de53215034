-- Sign-in failures are counted per (username, client address) and per client address (issue 8, hole 4),
-- no longer per username alone: a stranger's guesses must not lock out the person from their own desk.
-- Keys: "<lower-cased username>@<address>" and "@<address>" (usernames cannot contain "@").
DELETE FROM login_failures;
ALTER TABLE login_failures RENAME COLUMN username_key TO throttle_key;

-- Old windows are purged periodically.
CREATE INDEX login_failures_window ON login_failures (window_started_at);
