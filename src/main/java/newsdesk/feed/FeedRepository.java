package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What feeds and sitemaps read: published editions with their published text, withdrawals, months. */
@ApplicationScoped
public class FeedRepository {

    private static final String PUBLISHED = """
            SELECT e.article_id, e.language, e.slug, e.atom_id, e.first_published_at, e.updated_at,
                   r.title, r.summary, r.body, a.byline, a.section, a.tags
              FROM editions e
              JOIN articles a ON a.id = e.article_id
              JOIN revisions r ON r.article_id = e.article_id AND r.language = e.language
                              AND r.number = e.published_revision
             WHERE e.state = 'PUBLISHED'""";

    @Inject
    Jdbc jdbc;

    /** A published edition with its published text. */
    record Published(UUID articleId, String language, String slug, String atomId, Instant firstPublishedAt,
                     Instant updatedAt, String title, String summary, String body, String byline, String section,
                     List<String> tags) {
    }

    /** Where a feed page ends: its last entry's first publication and article (the sort key, newest first). */
    record PageKey(Instant firstPublishedAt, UUID articleId) {
    }

    /** A published edition's address, for sibling links. */
    record Sibling(UUID articleId, String language, String slug, Instant firstPublishedAt) {
    }

    /** A withdrawn edition that had gone out. */
    record Withdrawn(String atomId, String language, String slug, Instant firstPublishedAt, Instant withdrawnAt,
                     String reason) {
    }

    /** The newest publications of a language (and section), newest first. */
    List<Published> newest(String language, String section, int limit) {
        return page(language, section, null, null, limit);
    }

    /**
     * A page of a language's (and section's) publications, newest first: those sorting after {@code after}
     * (null: from the newest) and first published at or after {@code notBefore} (null: any time).
     */
    List<Published> page(String language, String section, PageKey after, Instant notBefore, int limit) {
        List<Object> params = new ArrayList<>(List.of(language));
        StringBuilder sql = new StringBuilder(PUBLISHED).append(" AND e.language = ?");
        if (section != null) {
            sql.append(" AND a.section = ?");
            params.add(section);
        }
        if (after != null) {
            sql.append(" AND (e.first_published_at, e.article_id) < (?, ?)");
            params.add(after.firstPublishedAt());
            params.add(after.articleId());
        }
        if (notBefore != null) {
            sql.append(" AND e.first_published_at >= ?");
            params.add(notBefore);
        }
        params.add(limit);
        return jdbc.list(sql + " ORDER BY e.first_published_at DESC, e.article_id DESC LIMIT ?",
                FeedRepository::published, params.toArray());
    }

    /** Everything first published in that month (UTC), newest first. */
    List<Published> ofMonth(String language, YearMonth month) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        return jdbc.list(PUBLISHED + """
                 AND e.language = ? AND e.first_published_at >= ? AND e.first_published_at < ?
                ORDER BY e.first_published_at DESC, e.article_id DESC""", FeedRepository::published, language, from, to);
    }

    /** Publications of every language since the given time, newest first (Google News sitemap). */
    List<Published> since(Instant since, int limit) {
        return jdbc.list(PUBLISHED + " AND e.first_published_at >= ? ORDER BY e.first_published_at DESC LIMIT ?",
                FeedRepository::published, since, limit);
    }

    List<Sibling> publishedEditionsOf(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.list("""
                SELECT article_id, language, slug, first_published_at FROM editions
                 WHERE state = 'PUBLISHED' AND article_id = ANY (?::uuid[])
                 ORDER BY article_id, language""",
                row -> new Sibling(Jdbc.uuid(row, "article_id"), row.getString("language"), row.getString("slug"),
                        Jdbc.instant(row, "first_published_at")),
                articleIds);
    }

    /** Every published edition's address, grouped by article (the hreflang sitemap). */
    List<Sibling> allPublished(int limit) {
        return jdbc.list("""
                SELECT article_id, language, slug, first_published_at FROM editions
                 WHERE state = 'PUBLISHED' ORDER BY first_published_at DESC, article_id, language LIMIT ?""",
                row -> new Sibling(Jdbc.uuid(row, "article_id"), row.getString("language"), row.getString("slug"),
                        Jdbc.instant(row, "first_published_at")),
                limit);
    }

    /** Withdrawn editions of the language first published at or after {@code since} (null: any), newest withdrawals first. */
    List<Withdrawn> withdrawn(String language, String section, Instant since, int limit) {
        List<Object> params = new ArrayList<>(List.of(language));
        StringBuilder sql = new StringBuilder("""
                SELECT e.atom_id, e.language, e.slug, e.first_published_at, e.updated_at, e.withdrawn_reason
                  FROM editions e JOIN articles a ON a.id = e.article_id
                 WHERE e.state = 'WITHDRAWN' AND e.atom_id IS NOT NULL AND e.language = ?""");
        if (section != null) {
            sql.append(" AND a.section = ?");
            params.add(section);
        }
        if (since != null) {
            sql.append(" AND e.first_published_at >= ?");
            params.add(since);
        }
        sql.append(" ORDER BY e.updated_at DESC LIMIT ?");
        params.add(limit);
        return jdbc.list(sql.toString(), row -> new Withdrawn(row.getString("atom_id"), row.getString("language"),
                row.getString("slug"), Jdbc.instant(row, "first_published_at"), Jdbc.instant(row, "updated_at"),
                row.getString("withdrawn_reason")), params.toArray());
    }

    /** The nearest earlier month with a live publication (one index probe). */
    Optional<YearMonth> monthBefore(String language, YearMonth month) {
        return month("""
                SELECT max(first_published_at) AS at FROM editions
                 WHERE state = 'PUBLISHED' AND language = ? AND first_published_at < ?""", language, start(month));
    }

    /** The nearest later month with a live publication (one index probe). */
    Optional<YearMonth> monthAfter(String language, YearMonth month) {
        return month("""
                SELECT min(first_published_at) AS at FROM editions
                 WHERE state = 'PUBLISHED' AND language = ? AND first_published_at >= ?""",
                language, start(month.plusMonths(1)));
    }

    private Optional<YearMonth> month(String sql, Object... params) {
        return jdbc.one(sql, row -> Optional.ofNullable(Jdbc.instant(row, "at")), params)
                .flatMap(at -> at).map(at -> YearMonth.from(at.atZone(ZoneOffset.UTC)));
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    boolean sectionExists(String section) {
        return jdbc.one("SELECT EXISTS (SELECT 1 FROM articles WHERE section = ?)", row -> row.getBoolean(1), section)
                .orElse(false);
    }

    /** Grows with every committed publication change, in commit order (see V5__publication_version.sql). */
    long latestChange() {
        return jdbc.one("SELECT version FROM publication_version", row -> row.getLong(1)).orElse(0L);
    }

    private static Published published(ResultSet row) throws SQLException {
        return new Published(Jdbc.uuid(row, "article_id"), row.getString("language"), row.getString("slug"),
                row.getString("atom_id"), Jdbc.instant(row, "first_published_at"), Jdbc.instant(row, "updated_at"),
                row.getString("title"), row.getString("summary"), row.getString("body"), row.getString("byline"),
                row.getString("section"), Jdbc.strings(row, "tags"));
    }
}
