-- Site languages (DESIGN §2): seeded from configuration at first start, managed by admins afterwards.

CREATE TABLE site_languages (
    code       text        PRIMARY KEY CHECK (code ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    enabled    boolean     NOT NULL DEFAULT true,
    version    integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
