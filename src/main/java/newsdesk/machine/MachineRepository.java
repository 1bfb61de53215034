package newsdesk.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.desk.MachineSuggestion.Status;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The machine translation cache and the record of which task revisions the pre-fill has been through. */
@ApplicationScoped
public class MachineRepository {

    /** A task whose pinned source revision the pre-fill has not been through yet. */
    record Unfilled(UUID taskId, UUID articleId, String sourceLanguage, String language, int sourceRevision) {
    }

    /** A cached engine answer for one text. */
    record Cached(Status status, String translation, String detail) {
    }

    @Inject
    Jdbc jdbc;

    /** Open and claimed tasks of the given pairs ("ru-uk") not yet pre-filled at their source revision, oldest first. */
    List<Unfilled> unfilled(Collection<String> pairs, int limit) {
        return jdbc.list("""
                SELECT t.id, t.article_id, a.source_language, t.language, t.source_revision
                FROM tasks t JOIN articles a ON a.id = t.article_id
                WHERE t.state IN ('OPEN', 'CLAIMED')
                  AND (a.source_language || '-' || t.language) = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM machine_fills f
                                  WHERE f.task_id = t.id AND f.source_revision = t.source_revision)
                ORDER BY t.created_at, t.id
                LIMIT ?""", row -> new Unfilled(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "article_id"),
                row.getString("source_language"), row.getString("language"), row.getInt("source_revision")),
                pairs, limit);
    }

    /** The cached answers for these text hashes, by hash. */
    Map<String, Cached> cached(String from, String to, String engine, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        return jdbc.list("""
                SELECT text_hash, status, translation, detail FROM machine_translations
                WHERE source_language = ? AND target_language = ? AND engine = ? AND text_hash = ANY (?)""",
                row -> Map.entry(row.getString("text_hash"), new Cached(Status.valueOf(row.getString("status")),
                        row.getString("translation"), row.getString("detail"))),
                from, to, engine, hashes).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Keeps an engine's answer; another instance that got there first wins (same text, same engine). */
    void store(String from, String to, String engine, String hash, EngineResult result, Instant now) {
        jdbc.update("""
                INSERT INTO machine_translations (source_language, target_language, engine, text_hash, status,
                                                  translation, detail, millis, translated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", from, to, engine, hash, result.status(), result.text(), result.detail(),
                (int) Math.min(Integer.MAX_VALUE, result.millis()), now);
    }

    void filled(UUID taskId, int sourceRevision, Instant now) {
        jdbc.update("""
                INSERT INTO machine_fills (task_id, source_revision, filled_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", taskId, sourceRevision, now);
    }
}
