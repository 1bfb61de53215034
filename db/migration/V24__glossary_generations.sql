-- Each language pair's glossary generation, moved by every change to one of its terms. claim-next reads it
-- in its one statement, so an instance may keep a pair's terms in memory and read them again only when the
-- generation has moved (on any instance: the number lives here, not in a process).
CREATE TABLE glossary_pairs (
    source_language text   NOT NULL,
    target_language text   NOT NULL,
    generation      bigint NOT NULL,
    PRIMARY KEY (source_language, target_language)
);

CREATE FUNCTION glossary_pair_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO glossary_pairs VALUES (OLD.source_language, OLD.target_language, 1)
            ON CONFLICT (source_language, target_language) DO UPDATE SET generation = glossary_pairs.generation + 1;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO glossary_pairs VALUES (NEW.source_language, NEW.target_language, 1)
            ON CONFLICT (source_language, target_language) DO UPDATE SET generation = glossary_pairs.generation + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER glossary_terms_changed AFTER INSERT OR UPDATE OR DELETE ON glossary_terms
    FOR EACH ROW EXECUTE FUNCTION glossary_pair_changed();

INSERT INTO glossary_pairs SELECT DISTINCT source_language, target_language, 1 FROM glossary_terms;
