-- A reviewer's comment may be about one paragraph of the source (issue 12: reject with comments anchored
-- to a block): the index of that top-level block of the pinned source body, from 0; none for the whole text.
ALTER TABLE task_comments ADD COLUMN block integer CHECK (block >= 0);
