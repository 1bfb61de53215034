package newsdesk.glossary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Glossary terms and reviewers' overrides in PostgreSQL. */
@ApplicationScoped
public class GlossaryRepository {

    private static final String COLUMNS = """
            id, source_language, target_language, term, term_forms, preferred, preferred_forms, forbidden, note,
            version, created_at, updated_at""";
    private static final String DUPLICATE = "The pair already has this term";

    @Inject
    Jdbc jdbc;

    /** The filter of a list: a pair (either side may be open) and words in the term or its forms. */
    record Filter(String sourceLanguage, String targetLanguage, String query) {
    }

    /** Terms in (pair, term) order after the given sort key; fetches limit + 1 to see if more exist. */
    List<Term> list(Filter filter, String afterKey, int limit) {
        String like = filter.query() == null ? null : "%" + filter.query().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.list("SELECT " + COLUMNS + """
                  FROM glossary_terms
                 WHERE (CAST(? AS text) IS NULL OR source_language = ?)
                   AND (CAST(? AS text) IS NULL OR target_language = ?)
                   AND (CAST(? AS text) IS NULL OR lower(term) LIKE ? OR lower(preferred) LIKE ?
                        OR lower(array_to_string(term_forms || preferred_forms || forbidden, ' ')) LIKE ?)
                   AND (CAST(? AS text) IS NULL
                        OR source_language || '|' || target_language || '|' || term > ?)
                 ORDER BY source_language || '|' || target_language || '|' || term
                 LIMIT ?""", GlossaryRepository::term,
                filter.sourceLanguage(), filter.sourceLanguage(), filter.targetLanguage(), filter.targetLanguage(),
                like, like, like, like, afterKey, afterKey, limit + 1);
    }

    /** Every term of one pair (what a check or a task view matches against). */
    List<Term> ofPair(String sourceLanguage, String targetLanguage) {
        return jdbc.list("SELECT " + COLUMNS + " FROM glossary_terms WHERE source_language = ? AND target_language = ?",
                GlossaryRepository::term, sourceLanguage, targetLanguage);
    }

    Optional<Term> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM glossary_terms WHERE id = ?", GlossaryRepository::term, id);
    }

    boolean any() {
        return jdbc.one("SELECT EXISTS (SELECT 1 FROM glossary_terms)", row -> row.getBoolean(1)).orElse(false);
    }

    void insert(UUID id, TermRequest t, Instant now) {
        jdbc.updateOrDuplicate(DUPLICATE, """
                INSERT INTO glossary_terms (id, source_language, target_language, term, term_forms, preferred,
                                            preferred_forms, forbidden, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, t.sourceLanguage(), t.targetLanguage(), t.term(),
                t.termForms(), t.preferred(), t.preferredForms(), t.forbidden(), t.note(), now, now);
    }

    /** The first start's seed: a term the pair has already stays as it is. */
    void insertIfAbsent(UUID id, TermRequest t, Instant now) {
        jdbc.update("""
                INSERT INTO glossary_terms (id, source_language, target_language, term, term_forms, preferred,
                                            preferred_forms, forbidden, note, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", id, t.sourceLanguage(),
                t.targetLanguage(), t.term(), t.termForms(), t.preferred(), t.preferredForms(), t.forbidden(),
                t.note(), now, now);
    }

    /** Guarded update at the version the editor read; true when it updated. */
    boolean update(UUID id, long expectedVersion, TermRequest t, Instant now) {
        return jdbc.updateOrDuplicate(DUPLICATE, """
                UPDATE glossary_terms SET source_language = ?, target_language = ?, term = ?, term_forms = ?,
                       preferred = ?, preferred_forms = ?, forbidden = ?, note = ?, version = version + 1,
                       updated_at = ?
                 WHERE id = ? AND version = ?""", t.sourceLanguage(), t.targetLanguage(), t.term(), t.termForms(),
                t.preferred(), t.preferredForms(), t.forbidden(), t.note(), now, id, expectedVersion) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM glossary_terms WHERE id = ?", id) == 1;
    }

    /** Records a reviewer's override; false when the same one exists already. */
    boolean override(UUID taskId, UUID termId, String found, String reason, UUID reviewerId, Instant now) {
        return jdbc.update("""
                INSERT INTO glossary_overrides (task_id, term_id, found, reason, reviewer_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", taskId, termId, found, reason, reviewerId,
                now) == 1;
    }

    /** The task's overrides as {@link GlossaryHit#overrideKey} keys. */
    Set<String> overrides(UUID taskId) {
        return Set.copyOf(jdbc.list("SELECT term_id, found FROM glossary_overrides WHERE task_id = ?",
                row -> Jdbc.uuid(row, "term_id") + "|" + row.getString("found"), taskId));
    }

    static String sortKey(Term term) {
        return term.sourceLanguage() + "|" + term.targetLanguage() + "|" + term.term();
    }

    private static Term term(ResultSet row) throws SQLException {
        return new Term(Jdbc.uuid(row, "id"), row.getString("source_language"), row.getString("target_language"),
                row.getString("term"), Jdbc.strings(row, "term_forms"), row.getString("preferred"),
                Jdbc.strings(row, "preferred_forms"), Jdbc.strings(row, "forbidden"), row.getString("note"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), row.getLong("version"));
    }
}
