package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;
import newsdesk.workflow.ArticleState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Articles in PostgreSQL (their editions come from {@link EditionRepository}). */
@ApplicationScoped
public class ArticleRepository {

    private static final String COLUMNS = """
            id, source_language, section, tags, byline, state, auto_publish_translations, created_by, created_at,
            updated_at, version""";

    @Inject
    Jdbc jdbc;

    /** The filters of GET /api/articles; null means "any". */
    record Filter(ArticleState state, String language, String section, String tag, String text) {
    }

    /** The listing's sort key: newest first, id breaking ties. */
    record Position(Instant createdAt, UUID id) {
    }

    void insert(UUID id, CreateArticleRequest request, List<String> tags, ArticleState state, UUID createdBy, Instant now) {
        jdbc.update("""
                INSERT INTO articles (id, source_language, section, tags, byline, auto_publish_translations, state,
                                      created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, request.sourceLanguage(), request.section().strip(), tags, request.byline().strip(),
                Boolean.TRUE.equals(request.autoPublishTranslations()), state, createdBy, now, now);
    }

    Optional<Article> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM articles WHERE id = ?", ArticleRepository::article, id);
    }

    /** Stores the freshly derived state; every edition change passes here, so the article's ETag moves too. */
    void touch(UUID id, ArticleState state, Instant now) {
        jdbc.update("UPDATE articles SET state = ?, updated_at = ?, version = version + 1 WHERE id = ?", state, now, id);
    }

    /** The story's metadata, if it is still at the version the editor read; bumps the version. */
    boolean changeMetadata(UUID id, long expectedVersion, String section, List<String> tags, String byline, Instant now) {
        return jdbc.update("""
                UPDATE articles SET section = ?, tags = ?, byline = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?""", section, tags, byline, now, id, expectedVersion) == 1;
    }

    /** One page of articles after the given position; fetches limit + 1 to see whether more exist. */
    List<Article> list(Filter filter, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM articles a WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" AND a.state = ?");
            params.add(filter.state());
        }
        if (filter.section() != null) {
            sql.append(" AND a.section = ?");
            params.add(filter.section());
        }
        if (filter.tag() != null) {
            sql.append(" AND ? = ANY (a.tags)");
            params.add(filter.tag());
        }
        if (filter.language() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM editions e WHERE e.article_id = a.id AND e.language = ?)");
            params.add(filter.language());
        }
        if (filter.text() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM editions e JOIN revisions r ON r.article_id = e.article_id")
                    .append(" AND r.language = e.language AND r.number = e.current_revision")
                    .append(" WHERE e.article_id = a.id AND r.title ILIKE ? ESCAPE '\\')");
            params.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            sql.append(" AND (a.created_at, a.id) < (?, ?)");
            params.add(after.createdAt());
            params.add(after.id());
        }
        sql.append(" ORDER BY a.created_at DESC, a.id DESC LIMIT ?");
        params.add(limit + 1);
        return jdbc.list(sql.toString(), ArticleRepository::article, params.toArray());
    }

    private static Article article(ResultSet row) throws SQLException {
        return new Article(Jdbc.uuid(row, "id"), row.getString("source_language"), row.getString("section"),
                Jdbc.strings(row, "tags"), row.getString("byline"), ArticleState.valueOf(row.getString("state")),
                row.getBoolean("auto_publish_translations"), Jdbc.uuid(row, "created_by"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), List.of(), row.getLong("version"));
    }
}
