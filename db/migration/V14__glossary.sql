-- The glossary (issue 9): terms per language pair, and reviewers' overrides of a hit on one task.

CREATE TABLE glossary_terms (
    id              uuid        PRIMARY KEY,
    source_language text        NOT NULL CHECK (source_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    target_language text        NOT NULL CHECK (target_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    term            text        NOT NULL CHECK (length(term) BETWEEN 1 AND 200),
    term_forms      text[]      NOT NULL DEFAULT '{}',
    preferred       text        NOT NULL CHECK (length(preferred) BETWEEN 1 AND 200),
    preferred_forms text[]      NOT NULL DEFAULT '{}',
    forbidden       text[]      NOT NULL DEFAULT '{}',
    note            text,
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK (source_language <> target_language)
);
-- One entry per term and pair, whatever its case.
CREATE UNIQUE INDEX glossary_terms_pair_term ON glossary_terms (source_language, target_language, lower(term));

CREATE TABLE glossary_overrides (
    task_id     uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    term_id     uuid        NOT NULL REFERENCES glossary_terms (id) ON DELETE CASCADE,
    -- the form the reviewer allows, case folded; '' allows leaving the term out
    found       text        NOT NULL,
    reason      text        NOT NULL,
    reviewer_id uuid        NOT NULL REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, term_id, found)
);
