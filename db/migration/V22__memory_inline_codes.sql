-- Sentences with inline codes (a link, emphasis, a line break) also keep them: the inner XML of a TMX <seg>
-- (<bpt>/<ept>/<ph> holding the native markup, numbered in the source's order). The plain texts stay the key and
-- what the lookup compares; a sentence with codes is seeded only from an entry with the same text and the same
-- code structure. Null for plain sentences and for entries stored before.
ALTER TABLE memory_segments
    ADD COLUMN source_coded text,
    ADD COLUMN target_coded text,
    ADD CONSTRAINT memory_segments_coded_both CHECK ((source_coded IS NULL) = (target_coded IS NULL));
