-- Browser sessions for the desk at /desk/ (issue 12). A session is a token like any other (hashed
-- secret, expiry, revocation, last use), carried in an HttpOnly cookie instead of a bearer header;
-- the kind keeps the two apart, so a cookie secret is never accepted as a bearer token or back.
ALTER TABLE api_tokens ADD COLUMN kind text NOT NULL DEFAULT 'api' CHECK (kind IN ('api', 'session'));

-- The language of the desk's interface, chosen by each person (none: their first working language).
CREATE TABLE desk_preferences (
    account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    language   text NOT NULL CHECK (language IN ('uk', 'ru', 'en')),
    updated_at timestamptz NOT NULL
);
