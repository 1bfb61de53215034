package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.outbox.Outbox;
import newsdesk.platform.Jdbc;
import newsdesk.workflow.ArticleState;
import newsdesk.workflow.EditionKind;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.Publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Editions in PostgreSQL. Every change of state is one guarded UPDATE whose row count is checked. */
@ApplicationScoped
public class EditionRepository {

    private static final String COLUMNS = """
            article_id, language, is_source, slug, state, current_revision, published_revision, source_revision,
            atom_id, first_published_at, updated_at, publish_at, withdrawn_reason, outdated, version""";

    @Inject
    Jdbc jdbc;

    /**
     * Inserts the edition at revision 1 with the slug, and that first revision in the same statement, unless the
     * slug is taken in the language; true when it inserted.
     */
    boolean insertIfSlugFree(UUID articleId, String language, EditionKind kind, String slug, EditionState state,
                             Revision first) {
        return jdbc.one("""
                WITH edition AS (
                         INSERT INTO editions (article_id, language, is_source, slug, state, current_revision)
                         VALUES (?, ?, ?, ?, ?, 1)
                         ON CONFLICT (language, slug) DO NOTHING
                         RETURNING article_id, language),
                     revision AS (
                         INSERT INTO revisions (article_id, language, number, title, summary, body, note, author_id,
                                                created_at)
                         SELECT article_id, language, ?, ?, ?, ?, ?, ?, ? FROM edition)
                SELECT count(*) FROM edition""",
                row -> row.getInt(1) == 1, articleId, language, kind == EditionKind.SOURCE, slug, state,
                first.number(), first.title(), first.summary(), first.body(), first.note(), first.authorId(),
                first.createdAt()).orElse(false);
    }

    /** A new translation edition: TRANSLATION, no text yet, pinned to a source revision; false if the slug is taken. */
    boolean insertTranslation(UUID articleId, String language, String slug, int sourceRevision) {
        return jdbc.updateOrDuplicate("The article already has a " + language + " edition", """
                INSERT INTO editions (article_id, language, is_source, slug, state, current_revision, source_revision)
                VALUES (?, ?, false, ?, 'TRANSLATION', 0, ?)
                ON CONFLICT (language, slug) DO NOTHING""", articleId, language, slug, sourceRevision) == 1;
    }

    void markOutdated(UUID articleId, String language) {
        jdbc.update("UPDATE editions SET outdated = true, version = version + 1 WHERE article_id = ? AND language = ?",
                articleId, language);
    }

    void delete(UUID articleId, String language) {
        jdbc.update("DELETE FROM editions WHERE article_id = ? AND language = ?", articleId, language);
    }

    java.util.Map<UUID, Integer> currentSourceRevisions(java.util.Collection<UUID> articleIds) {
        java.util.Map<UUID, Integer> revisions = new java.util.HashMap<>();
        jdbc.list("SELECT article_id, current_revision FROM editions WHERE is_source AND article_id = ANY (?::uuid[])",
                row -> revisions.put(Jdbc.uuid(row, "article_id"), row.getInt("current_revision")),
                articleIds);
        return revisions;
    }

    Optional<Edition> find(UUID articleId, String language) {
        return jdbc.one("SELECT " + COLUMNS + " FROM editions WHERE article_id = ? AND language = ?",
                EditionRepository::edition, articleId, language);
    }

    /** The edition, row-locked until the transaction ends: concurrent writers queue behind each other. */
    Optional<Edition> lock(UUID articleId, String language) {
        return jdbc.one("SELECT " + COLUMNS + " FROM editions WHERE article_id = ? AND language = ? FOR UPDATE",
                EditionRepository::edition, articleId, language);
    }

    /** The article's source edition, row-locked: taken first by anything that changes several editions. */
    Optional<Edition> lockSource(UUID articleId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM editions WHERE article_id = ? AND is_source FOR UPDATE",
                EditionRepository::edition, articleId);
    }

    /** The article's translations, row-locked, in language order (one lock order everywhere: no deadlocks). */
    List<Edition> lockTranslations(UUID articleId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM editions WHERE article_id = ? AND NOT is_source"
                + " ORDER BY language FOR UPDATE", EditionRepository::edition, articleId);
    }

    /**
     * What a change that may cascade holds, row-locked in one statement: the source edition and, when
     * {@code language} is the source's, all its translations, else only that translation. The sort runs below
     * the lock, so rows are locked in the documented order (source first, then translations by language).
     */
    List<Edition> lockForCascade(UUID articleId, String language) {
        return jdbc.list("SELECT " + COLUMNS + """
                 FROM editions
                WHERE article_id = ?
                  AND (is_source OR language = ?
                       OR EXISTS (SELECT 1 FROM editions s WHERE s.article_id = ? AND s.is_source AND s.language = ?))
                ORDER BY NOT is_source, language
                  FOR UPDATE""", EditionRepository::edition, articleId, language, articleId, language);
    }

    List<Edition> ofArticle(UUID articleId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM editions WHERE article_id = ? ORDER BY NOT is_source, language",
                EditionRepository::edition, articleId);
    }

    /** The base slug, or base-2, base-3 …, whichever no other article uses in that language. */
    String freeSlug(String language, String base, UUID forArticle) {
        java.util.Set<String> taken = new java.util.HashSet<>(jdbc.list("""
                SELECT slug FROM editions
                 WHERE language = ? AND article_id <> ? AND (slug = ? OR slug LIKE ? || '-%')""",
                row -> row.getString("slug"), language, forArticle, base, base));
        int n = 1;
        while (taken.contains(Slugs.numbered(base, n))) {
            n++;
        }
        return Slugs.numbered(base, n);
    }

    /**
     * {@link #freeSlug} as CTEs of a caller's statement: {@code free} holds the first of base, base-2 … base-{@code
     * most} that no other article uses in the language (none when all are). The base is probed by the unique index;
     * the language's numbered slugs are only scanned when it is taken. Parameters: base, language, article id.
     */
    static String freeSlugCtes(int most) {
        return """
                base AS (SELECT ?::text AS b, ?::text AS lang, ?::uuid AS owner),
                taken AS (SELECT slug FROM editions, base
                           WHERE language = lang AND article_id <> owner AND (slug = b OR slug LIKE b || '-%%')),
                free AS (SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM editions, base
                                                       WHERE language = lang AND slug = b AND article_id <> owner)
                                     THEN (SELECT b FROM base)
                                     ELSE (SELECT s FROM base, generate_series(2, %s) n,
                                                  LATERAL (SELECT b || '-' || n AS s) numbered
                                            WHERE s NOT IN (SELECT slug FROM taken) ORDER BY n LIMIT 1) END AS s)"""
                .formatted(most > 0 ? String.valueOf(most) : "(SELECT count(*) + 1 FROM taken)");
    }

    /**
     * What else the statement of {@link #replace} writes: the audit event with the article's new state, time and
     * version ({@code touch}, null: done apart), and an outbox row (null: none).
     */
    record Together(ArticleRepository.Event event, ArticleState derived, Instant now, Outbox.Row outbox) {
    }

    /**
     * What {@link #replace} wrote: the slug stored, the languages of the article (when it wrote an outbox row),
     * and the current revision (read in the same statement when it wrote none).
     */
    record Replaced(String slug, List<String> languages, Revision current) {
    }

    /**
     * Writes the edition's new facts if it is still at the version and state they were computed from; one
     * statement for every change, together with the new revision, the audit event and article touch, and the
     * outbox row when given (each written only if the guarded UPDATE was). With {@code slugFollows}, the slug
     * stored is the first free one of {@code next.slug()}, base-2 … (see {@link #freeSlug}). Empty when the guard
     * failed; a slug another story took meanwhile is a 409. Lock order as before: the final SELECT reads the
     * edition's UPDATE first, the article's and the publication version's rows are updated after it.
     */
    Optional<Replaced> replace(Edition current, Edition next, Revision written, boolean slugFollows,
                               Together together) {
        Publication p = next.publication();
        StringBuilder sql = new StringBuilder("WITH ");
        List<Object> params = new ArrayList<>();
        if (written != null) {
            sql.append("""
                    revision AS (
                        INSERT INTO revisions (article_id, language, number, title, summary, body, note, author_id,
                                               created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)),
                    """);
            params.addAll(java.util.Arrays.asList(current.articleId(), current.language(), written.number(),
                    written.title(), written.summary(), written.body(), written.note(), written.authorId(),
                    written.createdAt()));
        }
        if (slugFollows) {
            sql.append(freeSlugCtes(0)).append(",\n");
            params.addAll(List.of(next.slug(), next.language(), current.articleId()));
        }
        sql.append("""
                edition AS (
                    UPDATE editions
                       SET state = ?, slug = %s, current_revision = ?, published_revision = ?, source_revision = ?,
                           outdated = ?, atom_id = ?, first_published_at = ?, updated_at = ?, publish_at = ?,
                           withdrawn_reason = ?, version = version + 1
                     WHERE article_id = ? AND language = ? AND version = ? AND state = ?
                    RETURNING slug, current_revision)""".formatted(slugFollows ? "(SELECT s FROM free)" : "?"));
        params.add(p.state());
        if (!slugFollows) {
            params.add(next.slug());
        }
        params.addAll(java.util.Arrays.asList(next.currentRevision(), next.publishedRevision(), next.sourceRevision(),
                next.outdated(), p.atomId(), p.firstPublishedAt(), p.updatedAt(), p.publishAt(), next.withdrawnReason(),
                current.articleId(), current.language(), current.version(), current.publication().state()));
        if (together.event() != null) {
            ArticleRepository.Event event = together.event();
            sql.append(",\n").append(ArticleRepository.TOUCH_CTES.formatted("edition"));
            params.addAll(java.util.Arrays.asList(current.articleId(), event.language(), event.actorId(), event.action(),
                    event.from(), event.to(), event.detail(), together.now(),
                    together.derived() == null ? null : together.derived().name(), together.now(), current.articleId()));
        }
        if (together.outbox() != null) {
            sql.append(",\n").append(together.outbox().ctes("edition"));
            params.addAll(together.outbox().cteParams());
        }
        sql.append("\nSELECT e.slug");
        if (together.outbox() != null) {
            sql.append(", ").append(together.outbox().languagesColumn()).append(" AS languages");
            params.add(together.outbox().languagesParam());
        }
        if (written == null) {
            // The current revision was there before this statement, so it sees it: the caller's answer needs no read.
            sql.append("""
                    , r.number, r.title, r.summary, r.body, r.note, r.author_id, r.created_at
                      FROM edition e LEFT JOIN revisions r
                        ON r.article_id = ? AND r.language = ? AND r.number = e.current_revision""");
            params.add(current.articleId());
            params.add(current.language());
        } else {
            sql.append(" FROM edition e");
        }
        return jdbc.oneOrDuplicate("The slug " + next.slug() + " is taken in " + next.language(), sql.toString(),
                row -> new Replaced(row.getString("slug"),
                        together.outbox() == null ? List.of() : Jdbc.strings(row, "languages"),
                        written != null ? written : row.getObject("number") == null ? null : RevisionRepository.revision(row)),
                params.toArray());
    }

    /**
     * Scheduled editions whose time has come. Their articles' source editions are locked here, first as
     * always; articles another transaction holds (another instance publishing them) are skipped.
     */
    List<EditionKey> lockDue(Instant now, int limit) {
        return jdbc.list("""
                SELECT e.article_id, e.language
                  FROM editions e JOIN editions s ON s.article_id = e.article_id AND s.is_source
                 WHERE e.state = 'SCHEDULED' AND e.publish_at <= ?
                 ORDER BY e.publish_at, e.article_id, e.language
                 LIMIT ?
                   FOR UPDATE OF s SKIP LOCKED""",
                row -> new EditionKey(Jdbc.uuid(row, "article_id"), row.getString("language")), now, limit);
    }

    static Edition edition(ResultSet row) throws SQLException {
        EditionKind kind = row.getBoolean("is_source") ? EditionKind.SOURCE : EditionKind.TRANSLATION;
        Publication publication = new Publication(kind, EditionState.valueOf(row.getString("state")),
                row.getString("atom_id"), Jdbc.instant(row, "first_published_at"), Jdbc.instant(row, "updated_at"),
                Jdbc.instant(row, "publish_at"));
        return new Edition(Jdbc.uuid(row, "article_id"), row.getString("language"), row.getString("slug"), publication,
                row.getInt("current_revision"), (Integer) row.getObject("published_revision"),
                (Integer) row.getObject("source_revision"), row.getString("withdrawn_reason"), row.getBoolean("outdated"),
                row.getLong("version"));
    }
}
