-- Machine pre-fill: what an engine made of one segment's plain text for one language pair, done once and
-- reused by every task and source revision that has the same sentence. A failure is kept too (status
-- 'failed' or 'timeout', with the engine's message), so a crashing engine is not run again on every view.
CREATE TABLE machine_translations (
    source_language text        NOT NULL,
    target_language text        NOT NULL,
    engine          text        NOT NULL,
    -- SHA-256 (hex) of the plain text sent to the engine.
    text_hash       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OK', 'FAILED', 'TIMEOUT')),
    translation     text,
    detail          text,
    millis          integer     NOT NULL,
    translated_at   timestamptz NOT NULL,
    PRIMARY KEY (source_language, target_language, engine, text_hash)
);

-- Which source revision of a task the background pre-fill has been through (every segment tried once).
CREATE TABLE machine_fills (
    task_id         uuid        NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    source_revision integer     NOT NULL,
    filled_at       timestamptz NOT NULL,
    PRIMARY KEY (task_id, source_revision)
);
