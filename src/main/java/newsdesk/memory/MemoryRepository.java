package newsdesk.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sentence pairs in PostgreSQL; one row per pair and texts (the unique key hashes both texts). */
@ApplicationScoped
public class MemoryRepository {

    private static final String COLUMNS = """
            id, source_language, target_language, source_text, target_text, article_id, approver, approved_at""";

    @Inject
    Jdbc jdbc;

    /** Stores the pair unless the same texts are stored for the language pair; true when it stored it. */
    boolean add(MemoryEntry entry, Instant now) {
        return add(entry, null, null, now);
    }

    /**
     * Stores the pair with its coded texts (both null for a plain pair). The same texts stored without codes
     * get these codes (an entry remembered before the memory kept codes, or from a TMX without them); true
     * only when it stored a new entry.
     */
    boolean add(MemoryEntry entry, String sourceCoded, String targetCoded, Instant now) {
        return jdbc.list("INSERT INTO memory_segments (" + COLUMNS + ", source_coded, target_coded, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + """
                         ON CONFLICT (source_language, target_language, md5(source_text), md5(target_text))
                         DO UPDATE SET source_coded = EXCLUDED.source_coded, target_coded = EXCLUDED.target_coded
                          WHERE memory_segments.source_coded IS NULL AND EXCLUDED.source_coded IS NOT NULL
                         RETURNING (xmax = 0) AS inserted""", row -> row.getBoolean("inserted"),
                entry.id(), entry.sourceLanguage(), entry.targetLanguage(), entry.source(), entry.target(),
                entry.articleId(), entry.approver(), entry.approvedAt(), sourceCoded, targetCoded, now)
                .stream().anyMatch(Boolean::booleanValue);
    }

    /** A pair to store, with its coded texts (both null for a plain pair). */
    record NewPair(MemoryEntry entry, String sourceCoded, String targetCoded) {
    }

    /**
     * Stores many pairs in one statement, as {@link #add(MemoryEntry, String, String, Instant)} does one; the
     * pairs must be distinct (a statement may not touch a row twice). Returns how many were new.
     */
    int addAll(List<NewPair> pairs, Instant now) {
        if (pairs.isEmpty()) {
            return 0;
        }
        return (int) jdbc.list("INSERT INTO memory_segments (" + COLUMNS + ", source_coded, target_coded, created_at)\n"
                        + """
                        SELECT p.id::uuid, p.source_language, p.target_language, p.source_text, p.target_text,
                               p.article_id::uuid, p.approver, p.approved_at::timestamptz, p.source_coded, p.target_coded, ?
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[])
                               AS p (id, source_language, target_language, source_text, target_text, article_id,
                                     approver, approved_at, source_coded, target_coded)
                        ON CONFLICT (source_language, target_language, md5(source_text), md5(target_text))
                        DO UPDATE SET source_coded = EXCLUDED.source_coded, target_coded = EXCLUDED.target_coded
                         WHERE memory_segments.source_coded IS NULL AND EXCLUDED.source_coded IS NOT NULL
                        RETURNING (xmax = 0) AS inserted""", row -> row.getBoolean("inserted"), now,
                pairs.stream().map(p -> p.entry().id()).toList(),
                pairs.stream().map(p -> p.entry().sourceLanguage()).toList(),
                pairs.stream().map(p -> p.entry().targetLanguage()).toList(),
                pairs.stream().map(p -> p.entry().source()).toList(),
                pairs.stream().map(p -> p.entry().target()).toList(),
                pairs.stream().map(p -> p.entry().articleId()).toList(),
                pairs.stream().map(p -> p.entry().approver()).toList(),
                pairs.stream().map(p -> p.entry().approvedAt()).toList(),
                pairs.stream().map(NewPair::sourceCoded).toList(),
                pairs.stream().map(NewPair::targetCoded).toList())
                .stream().filter(Boolean::booleanValue).count();
    }

    /** A stored sentence with codes: the coded source and target (TMX inline XML). */
    record Coded(String source, String target) {
    }

    /**
     * For each text (by its index in the list), the coded entries whose plain source is exactly that text, newest
     * first, at most {@code limit} each (through the same hash index as exact matches).
     */
    Map<Integer, List<Coded>> coded(String sourceLanguage, String targetLanguage, List<String> texts, int limit) {
        Map<Integer, List<Coded>> found = new HashMap<>();
        if (texts.isEmpty()) {
            return found;
        }
        jdbc.list("""
                SELECT wanted.n, m.source_coded, m.target_coded
                  FROM unnest(?::text[]) WITH ORDINALITY AS wanted (text, n)
                 CROSS JOIN LATERAL (
                       SELECT source_coded, target_coded FROM memory_segments
                        WHERE source_language = ? AND target_language = ? AND md5(source_text) = md5(wanted.text)
                          AND source_text = wanted.text AND source_coded IS NOT NULL
                        ORDER BY approved_at DESC
                        LIMIT ?) m""", row -> {
            found.computeIfAbsent(row.getInt("n") - 1, n -> new ArrayList<>())
                    .add(new Coded(row.getString("source_coded"), row.getString("target_coded")));
            return null;
        }, texts, sourceLanguage, targetLanguage, limit);
        return found;
    }

    /** An entry with its coded texts (null for a plain one), for the TMX export. */
    record Exported(MemoryEntry entry, String sourceCoded, String targetCoded) {
    }

    /** A page of a pair's entries with their codes, by id after the given one. */
    List<Exported> export(String sourceLanguage, String targetLanguage, UUID after, int limit) {
        return jdbc.list("SELECT " + COLUMNS + ", source_coded, target_coded\n" + """
                 FROM memory_segments
                WHERE source_language = ? AND target_language = ? AND (?::uuid IS NULL OR id > ?)
                ORDER BY id
                LIMIT ?""", row -> new Exported(entry(row), row.getString("source_coded"),
                row.getString("target_coded")), sourceLanguage, targetLanguage, after, after, limit);
    }

    /** A sentence to find candidates for: fuzzy ones by {@code query} (a tsquery), or only exact ones when it is null. */
    record Wanted(String text, String query, int shortest, int longest) {
    }

    /**
     * The words of each text (by its index in the list) as the word index stores them: the lexemes of
     * {@code to_tsvector('simple', text)}.
     */
    Map<Integer, List<String>> words(List<String> texts) {
        Map<Integer, List<String>> words = new HashMap<>();
        if (!texts.isEmpty()) {
            jdbc.list("""
                    SELECT wanted.n, tsvector_to_array(to_tsvector('simple'::regconfig, wanted.text)) AS words
                      FROM unnest(?::text[]) WITH ORDINALITY AS wanted (text, n)""",
                    row -> words.put(row.getInt("n") - 1, Jdbc.strings(row, "words")), texts);
        }
        return words;
    }

    /**
     * The share of stored sentences that contain each of the most common words, as the last ANALYZE of the
     * table counted them for the word index (empty before the first one).
     */
    Map<String, Double> wordFrequencies() {
        Map<String, Double> frequencies = new HashMap<>();
        jdbc.list("""
                SELECT common.word, common.frequency
                  FROM pg_stats s,
                       unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS common (word, frequency)
                 WHERE s.schemaname = current_schema() AND s.tablename = 'memory_segments_source_words'
                   AND common.word IS NOT NULL""",
                row -> frequencies.put(row.getString("word"), row.getDouble("frequency")));
        return frequencies;
    }

    /**
     * Candidates for several sentences in few round trips: per sentence (by its index in the list), pairs whose
     * source matches its word query (from the word index) and whose length lies in its window, most
     * trigram-similar first; for a sentence without a query, pairs with exactly its source (from the hash index).
     * Call inside a transaction: JIT compilation is turned off for it alone (it costs more than the query).
     */
    Map<Integer, List<MemoryEntry>> candidates(String sourceLanguage, String targetLanguage, List<Wanted> wanted,
                                               int limit) {
        Map<Integer, List<MemoryEntry>> found = new HashMap<>();
        List<Integer> fuzzy = new ArrayList<>();
        List<Integer> exact = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            (wanted.get(i).query() == null ? exact : fuzzy).add(i);
        }
        if (wanted.isEmpty()) {
            return found;
        }
        jdbc.one("SELECT set_config('jit', 'off', true)", row -> row.getString(1));
        if (!fuzzy.isEmpty()) {
            jdbc.list("SELECT wanted.n, " + COLUMNS + "\n" + """
                     FROM unnest(?::text[], ?::text[], ?::text[]::int[], ?::text[]::int[])
                          WITH ORDINALITY AS wanted (text, query, shortest, longest, n)
                     CROSS JOIN LATERAL (
                           SELECT * FROM memory_segments
                            WHERE to_tsvector('simple'::regconfig, source_text) @@ wanted.query::tsquery
                              AND source_language = ? AND target_language = ?
                              AND char_length(source_text) BETWEEN wanted.shortest AND wanted.longest
                            ORDER BY similarity(source_text, wanted.text) DESC, approved_at DESC
                            LIMIT ?) m""", row -> {
                found.computeIfAbsent(fuzzy.get(row.getInt("n") - 1), n -> new ArrayList<>()).add(entry(row));
                return null;
            }, fuzzy.stream().map(i -> wanted.get(i).text()).toList(), fuzzy.stream().map(i -> wanted.get(i).query()).toList(),
                    fuzzy.stream().map(i -> wanted.get(i).shortest()).toList(),
                    fuzzy.stream().map(i -> wanted.get(i).longest()).toList(), sourceLanguage, targetLanguage, limit);
        }
        if (!exact.isEmpty()) {
            jdbc.list("SELECT wanted.n, " + COLUMNS + "\n" + """
                     FROM unnest(?::text[]) WITH ORDINALITY AS wanted (text, n)
                     CROSS JOIN LATERAL (
                           SELECT * FROM memory_segments
                            WHERE source_language = ? AND target_language = ? AND md5(source_text) = md5(wanted.text)
                              AND source_text = wanted.text
                            ORDER BY approved_at DESC
                            LIMIT ?) m""", row -> {
                found.computeIfAbsent(exact.get(row.getInt("n") - 1), n -> new ArrayList<>()).add(entry(row));
                return null;
            }, exact.stream().map(i -> wanted.get(i).text()).toList(), sourceLanguage, targetLanguage, limit);
        }
        return found;
    }

    /** A page of a pair's entries by id after the given one, those whose source or target contain {@code q}. */
    List<MemoryEntry> list(String sourceLanguage, String targetLanguage, String q, UUID after, int limit) {
        if (q == null) {
            return jdbc.list("SELECT " + COLUMNS + "\n" + """
                     FROM memory_segments
                    WHERE source_language = ? AND target_language = ? AND (?::uuid IS NULL OR id > ?)
                    ORDER BY id
                    LIMIT ?""", MemoryRepository::entry, sourceLanguage, targetLanguage, after, after, limit);
        }
        // Its own statement, so the plan can take the trigram indexes on source and target (a search for text
        // that few entries contain would otherwise walk the pair's whole id order).
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.list("SELECT " + COLUMNS + "\n" + """
                 FROM memory_segments
                WHERE source_language = ? AND target_language = ?
                  AND (source_text ILIKE ? OR target_text ILIKE ?)
                  AND (?::uuid IS NULL OR id > ?)
                ORDER BY id
                LIMIT ?""", MemoryRepository::entry, sourceLanguage, targetLanguage, like, like, after, after, limit);
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM memory_segments WHERE id = ?", id) == 1;
    }

    private static MemoryEntry entry(ResultSet row) throws SQLException {
        return new MemoryEntry(Jdbc.uuid(row, "id"), row.getString("source_language"), row.getString("target_language"),
                row.getString("source_text"), row.getString("target_text"), Jdbc.uuid(row, "article_id"),
                row.getString("approver"), row.getObject("approved_at", java.time.OffsetDateTime.class).toInstant());
    }
}
