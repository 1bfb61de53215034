-- Issue 8, desk side.
-- A correction of a published translation is reviewed like the translation (hole 9): a CORRECTION task
-- waits in the language's review queue; a correction the reviewer turns down ends REJECTED.
ALTER TABLE tasks DROP CONSTRAINT tasks_kind_check,
    ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('TRANSLATE', 'UPDATE', 'CORRECTION'));
ALTER TABLE tasks DROP CONSTRAINT tasks_state_check,
    ADD CONSTRAINT tasks_state_check CHECK (state IN ('OPEN', 'CLAIMED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CANCELLED'));
-- A CORRECTION task waits for a verdict on submitted_revision (by submitted_by, the editor); its
-- base_revision is the last reviewed revision, the one a rejection goes back to.
ALTER TABLE tasks ADD CONSTRAINT tasks_correction_reviewable
    CHECK (kind <> 'CORRECTION' OR (submitted_by IS NOT NULL AND submitted_revision IS NOT NULL
                                    AND base_revision IS NOT NULL));

-- A correction review may wait beside the language's translation or update task: one live of each.
DROP INDEX tasks_one_live;
CREATE UNIQUE INDEX tasks_one_live ON tasks (article_id, language)
    WHERE state IN ('OPEN', 'CLAIMED', 'SUBMITTED') AND kind <> 'CORRECTION';
CREATE UNIQUE INDEX tasks_one_live_correction ON tasks (article_id, language)
    WHERE state IN ('OPEN', 'CLAIMED', 'SUBMITTED') AND kind = 'CORRECTION';

-- The translation request (Idempotency-Key) that opened a task, so a replay answers with the same tasks.
ALTER TABLE tasks ADD COLUMN request_id uuid;
CREATE INDEX tasks_request ON tasks (request_id) WHERE request_id IS NOT NULL;
