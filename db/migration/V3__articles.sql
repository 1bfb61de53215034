-- Articles, their per-language editions, immutable revisions, the audit trail and the outbox (DESIGN §2).

CREATE TABLE articles (
    id                        uuid        PRIMARY KEY,
    source_language           text        NOT NULL REFERENCES site_languages (code),
    section                   text        NOT NULL CHECK (length(section) BETWEEN 1 AND 100),
    tags                      text[]      NOT NULL DEFAULT '{}',
    byline                    text        NOT NULL,
    auto_publish_translations boolean     NOT NULL DEFAULT false,
    -- Derived from the editions by the workflow and stored so lists can filter on it.
    state                     text        NOT NULL,
    created_by                uuid        NOT NULL REFERENCES accounts (id),
    version                   integer     NOT NULL DEFAULT 1,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);

CREATE INDEX articles_listing ON articles (created_at DESC, id DESC);
CREATE INDEX articles_section ON articles (section);

CREATE TABLE editions (
    article_id         uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language           text        NOT NULL REFERENCES site_languages (code),
    is_source          boolean     NOT NULL,
    slug               text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    state              text        NOT NULL CHECK (state IN ('DRAFT', 'TRANSLATION', 'REVIEW', 'APPROVED',
                                                             'SCHEDULED', 'PUBLISHED', 'WITHDRAWN')),
    current_revision   integer     NOT NULL DEFAULT 0,
    published_revision integer,
    -- For a translation: the source revision it was translated from.
    source_revision    integer,
    -- Minted at first publication and never changed (feeds' entry id / guid).
    atom_id            text        UNIQUE,
    first_published_at timestamptz,
    -- The last publication change (Atom "updated").
    updated_at         timestamptz,
    publish_at         timestamptz,
    withdrawn_reason   text,
    version            integer     NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, language),
    CHECK ((state = 'SCHEDULED') = (publish_at IS NOT NULL))
);

-- Slugs are unique per language: /public/{lang}/articles/{slug} names one story.
CREATE UNIQUE INDEX editions_slug ON editions (language, slug);
CREATE INDEX editions_due ON editions (publish_at) WHERE state = 'SCHEDULED';
CREATE INDEX editions_published ON editions (language, first_published_at DESC) WHERE state = 'PUBLISHED';

CREATE TABLE revisions (
    article_id uuid        NOT NULL,
    language   text        NOT NULL,
    number     integer     NOT NULL CHECK (number > 0),
    title      text        NOT NULL,
    summary    text        NOT NULL,
    body       text        NOT NULL,
    note       text,
    author_id  uuid        NOT NULL REFERENCES accounts (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (article_id, language, number),
    FOREIGN KEY (article_id, language) REFERENCES editions (article_id, language) ON DELETE CASCADE
);

-- Append-only audit trail of every workflow action.
CREATE TABLE events (
    id         bigserial   PRIMARY KEY,
    article_id uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language   text,
    actor_id   uuid        REFERENCES accounts (id),
    action     text        NOT NULL,
    from_state text,
    to_state   text,
    detail     text,
    created_at timestamptz NOT NULL
);

CREATE INDEX events_article ON events (article_id, id);

-- Written in the same transaction as a publication change; the relay drains it after commit.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,
    article_id   uuid        NOT NULL,
    language     text        NOT NULL,
    created_at   timestamptz NOT NULL,
    processed_at timestamptz
);

CREATE INDEX outbox_pending ON outbox (id) WHERE processed_at IS NULL;

-- Idempotency-Key of creating POSTs: a replay returns the first result; another body with the same key is 422.
CREATE TABLE idempotency_keys (
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash bytea       NOT NULL,
    resource_id  uuid,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, scope, key)
);
