-- Translation memory: one row per source sentence → target sentence of a language pair, from approved
-- translations (origin: article, approver, time) or a TMX import (no article). Fuzzy lookups take
-- candidates from a trigram index and rescore them by edit distance in Java.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE memory_segments (
    id              uuid        PRIMARY KEY,
    source_language text        NOT NULL,
    target_language text        NOT NULL,
    source_text     text        NOT NULL CHECK (length(source_text) BETWEEN 1 AND 4000),
    target_text     text        NOT NULL CHECK (length(target_text) BETWEEN 1 AND 4000),
    article_id      uuid,
    approver        text,
    approved_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL
);

-- The same pair approved again (or imported twice) is one row: the key is the pair and both texts' hashes.
CREATE UNIQUE INDEX memory_segments_pair_texts
    ON memory_segments (source_language, target_language, md5(source_text), md5(target_text));

-- Trigram candidates for fuzzy matches (the % operator); the pair narrows them afterwards.
CREATE INDEX memory_segments_source_trgm ON memory_segments USING gin (source_text gin_trgm_ops);

-- Exact matches and the per-pair listing.
CREATE INDEX memory_segments_pair_source ON memory_segments (source_language, target_language, md5(source_text));
CREATE INDEX memory_segments_pair_id ON memory_segments (source_language, target_language, id);
