-- The site's tag pages (GET /public/{lang}/articles?tag=) filter on tags @> ARRAY[tag]; without this a rare
-- tag walks every published edition of the language.
CREATE INDEX articles_tags ON articles USING gin (tags);
