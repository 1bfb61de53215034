package newsdesk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outbox table: appended in the writer's transaction, drained in order by the relay. */
@ApplicationScoped
public class OutboxRepository {

    @Inject
    Jdbc jdbc;

    /**
     * Appends the row and bumps the version that feed caches compare against; returns every language the
     * article has a version in (as {@link #languagesOf}). One statement for the three.
     */
    List<String> append(String topic, UUID articleId, String language, Instant now) {
        return jdbc.list("""
                WITH appended AS (INSERT INTO outbox (topic, article_id, language, created_at) VALUES (?, ?, ?, ?)),
                     bumped AS (UPDATE publication_version SET version = version + 1)
                SELECT DISTINCT language FROM editions WHERE article_id = ?""",
                row -> row.getString(1), topic, articleId, language, now, articleId);
    }

    /**
     * {@link #append} as common table expressions of a caller's statement, written only when the CTE named
     * {@code %1$s} returned a row; parameters topic, article id, language, time.
     */
    static final String APPEND_CTES = """
            appended AS (INSERT INTO outbox (topic, article_id, language, created_at) SELECT ?, ?, ?, ? FROM %1$s),
            bumped AS (UPDATE publication_version SET version = version + 1 WHERE EXISTS (SELECT 1 FROM %1$s))""";

    /** The languages column of {@link #append}, for the same statement's result; parameter: the article id. */
    static final String LANGUAGES_COLUMN = "ARRAY(SELECT DISTINCT language FROM editions WHERE article_id = ?)";

    void bumpVersion() {
        jdbc.update("UPDATE publication_version SET version = version + 1");
    }

    /** Every language these articles have a version in, published or not. */
    List<String> languagesOf(List<UUID> articles) {
        return jdbc.list("SELECT DISTINCT language FROM editions WHERE article_id = ANY (?::uuid[])",
                row -> row.getString(1), articles);
    }

    /** NOTIFY inside the caller's transaction: PostgreSQL delivers it on commit only. */
    void notifyReaders(ReadersChanged changed) {
        jdbc.one("SELECT pg_notify(?, ?)", row -> true, ReadersChanged.CHANNEL, changed.payload());
    }

    /** The oldest unprocessed rows, locked; rows another instance is relaying are skipped, not waited for. */
    List<PublicationChanged> lockPending(int limit) {
        return jdbc.list("""
                SELECT id, topic, article_id, language FROM outbox
                 WHERE processed_at IS NULL
                 ORDER BY id
                 LIMIT ?
                   FOR UPDATE SKIP LOCKED""",
                row -> new PublicationChanged(row.getLong("id"), row.getString("topic"), Jdbc.uuid(row, "article_id"),
                        row.getString("language")),
                limit);
    }

    /** How many rows wait to be relayed, and when the oldest of them was written (null when none waits). */
    Backlog backlog() {
        return jdbc.one("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE processed_at IS NULL",
                row -> new Backlog(row.getLong("pending"), Jdbc.instant(row, "oldest"))).orElseThrow();
    }

    record Backlog(long pending, Instant oldest) {
    }

    void markProcessed(List<Long> ids, Instant now) {
        jdbc.update("UPDATE outbox SET processed_at = ? WHERE id = ANY (?::bigint[])", now, ids);
    }

    /** Deletes rows relayed before {@code before}; returns how many. */
    int purgeRelayed(Instant before) {
        return jdbc.update("DELETE FROM outbox WHERE processed_at < ?", before);
    }
}
