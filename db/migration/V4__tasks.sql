-- The translation desk (DESIGN §2, §3): tasks with leases, review comments, outdated translations.

CREATE TABLE tasks (
    id                uuid        PRIMARY KEY,
    article_id        uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    language          text        NOT NULL REFERENCES site_languages (code),
    kind              text        NOT NULL CHECK (kind IN ('TRANSLATE', 'UPDATE')),
    state             text        NOT NULL CHECK (state IN ('OPEN', 'CLAIMED', 'SUBMITTED', 'APPROVED', 'CANCELLED')),
    -- The source revision the translation is made from; rebase moves it to the current one.
    source_revision   integer     NOT NULL,
    -- For UPDATE tasks: the source revision the published translation was made from (the diff's start).
    base_revision     integer,
    priority          integer     NOT NULL DEFAULT 0,
    due_at            timestamptz,
    note              text,
    holder_id         uuid        REFERENCES accounts (id),
    lease_expires_at  timestamptz,
    -- Bumped by every new claim, so a holder whose lease lapsed and was re-claimed is recognised as stale.
    lease_count       integer     NOT NULL DEFAULT 0,
    submitted_by      uuid        REFERENCES accounts (id),
    submitted_revision integer,
    draft_title       text,
    draft_summary     text,
    draft_body        text,
    draft_saved_at    timestamptz,
    created_by        uuid        NOT NULL REFERENCES accounts (id),
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (state <> 'CLAIMED' OR (holder_id IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CHECK (state <> 'OPEN' OR holder_id IS NULL)
);

-- At most one live task per article and language.
CREATE UNIQUE INDEX tasks_one_live ON tasks (article_id, language) WHERE state IN ('OPEN', 'CLAIMED', 'SUBMITTED');
-- The queue claim-next reads: best first.
CREATE INDEX tasks_queue ON tasks (language, priority DESC, due_at ASC NULLS LAST, created_at, id) WHERE state = 'OPEN';
CREATE INDEX tasks_leases ON tasks (lease_expires_at) WHERE state = 'CLAIMED';
CREATE INDEX tasks_holder ON tasks (holder_id) WHERE state = 'CLAIMED';
CREATE INDEX tasks_article ON tasks (article_id);

CREATE TABLE task_comments (
    id         bigserial   PRIMARY KEY,
    task_id    uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL REFERENCES accounts (id),
    verdict    text        NOT NULL CHECK (verdict IN ('APPROVE', 'REJECT')),
    body       text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX task_comments_task ON task_comments (task_id, id);

-- A published translation whose source had a major correction: still live until its update is approved.
ALTER TABLE editions ADD COLUMN outdated boolean NOT NULL DEFAULT false;
