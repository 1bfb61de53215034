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
        return jdbc.update("INSERT INTO memory_segments (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + """
                         ON CONFLICT (source_language, target_language, md5(source_text), md5(target_text)) DO NOTHING""",
                entry.id(), entry.sourceLanguage(), entry.targetLanguage(), entry.source(), entry.target(),
                entry.articleId(), entry.approver(), entry.approvedAt(), now) == 1;
    }

    /**
     * Fuzzy candidates for several sentences in one round trip: per sentence (by its index in the list), pairs
     * whose source shares enough trigrams with it (the {@code %} operator at the given similarity threshold,
     * answered from the GIN index), most similar first. Call inside a transaction: the threshold is set for it alone.
     */
    Map<Integer, List<MemoryEntry>> candidates(String sourceLanguage, String targetLanguage, List<String> texts,
                                               double threshold, int limit) {
        Map<Integer, List<MemoryEntry>> found = new HashMap<>();
        if (texts.isEmpty()) {
            return found;
        }
        jdbc.one("SELECT set_config('pg_trgm.similarity_threshold', ?, true)", row -> row.getString(1),
                String.valueOf(threshold));
        jdbc.list("SELECT wanted.n, " + COLUMNS + "\n" + """
                 FROM unnest(?::text[]) WITH ORDINALITY AS wanted (text, n)
                 CROSS JOIN LATERAL (
                       SELECT * FROM memory_segments
                        WHERE source_text % wanted.text AND source_language = ? AND target_language = ?
                        ORDER BY similarity(source_text, wanted.text) DESC, approved_at DESC
                        LIMIT ?) m""", row -> {
            found.computeIfAbsent(row.getInt("n") - 1, n -> new ArrayList<>()).add(entry(row));
            return null;
        }, texts, sourceLanguage, targetLanguage, limit);
        return found;
    }

    /** A page of a pair's entries by id after the given one, those whose source or target contain {@code q}. */
    List<MemoryEntry> list(String sourceLanguage, String targetLanguage, String q, UUID after, int limit) {
        String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.list("SELECT " + COLUMNS + "\n" + """
                 FROM memory_segments
                WHERE source_language = ? AND target_language = ?
                  AND (?::text IS NULL OR source_text ILIKE ? OR target_text ILIKE ?)
                  AND (?::uuid IS NULL OR id > ?)
                ORDER BY id
                LIMIT ?""", MemoryRepository::entry, sourceLanguage, targetLanguage, like, like, like, after, after, limit);
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
