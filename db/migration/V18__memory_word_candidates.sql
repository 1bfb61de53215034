-- Fuzzy candidates by words instead of trigrams. V13's pg_trgm GIN index answers `%` by reading the posting
-- list of every trigram of the sentence, and common trigrams ("ння", " по") list a large part of the memory:
-- ~1.7 s per eight-sentence task at a million segments. A word index lets the lookup ask only for stored
-- sentences that share two of the sentence's three rarest words, which reads a few short posting lists.
-- The 'simple' configuration only lowercases: no stemming, no stop words, the same in every language.
CREATE INDEX memory_segments_source_words ON memory_segments USING gin (to_tsvector('simple'::regconfig, source_text));

-- ANALYZE keeps the most common words of this index expression and their frequencies (pg_stats.most_common_elems);
-- the lookup reads them to tell rare words from common ones. 1000 keeps the 10,000 most common words.
ALTER INDEX memory_segments_source_words ALTER COLUMN 1 SET STATISTICS 1000;

-- The staff's memory search (`q`, ILIKE on source or target): the V13 trigram index serves the source, this one
-- the target, so a search does not read the whole pair.
CREATE INDEX memory_segments_target_trgm ON memory_segments USING gin (target_text gin_trgm_ops);
