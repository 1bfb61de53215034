package newsdesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the site's read API reads: published editions with their published text, siblings, the change counter. */
@ApplicationScoped
public class PublicArticleRepository {

    @Inject
    Jdbc jdbc;

    /** A published edition as a list shows it (no body). */
    record Listed(UUID articleId, String language, String slug, String atomId, Instant firstPublishedAt,
                  Instant updatedAt, String title, String summary, String byline, String section, List<String> tags) {
    }

    /** An edition found by its slug: published now, or gone out once ({@code atomId} set) and taken down since. */
    record Found(UUID articleId, String language, String slug, String state, String atomId, Instant firstPublishedAt,
                 Instant updatedAt, String title, String summary, String body, String byline, String section,
                 List<String> tags, Instant lastModified) {

        boolean published() {
            return "PUBLISHED".equals(state);
        }
    }

    /** A published edition's address. */
    record Address(UUID articleId, String language, String slug, Instant firstPublishedAt) {
    }

    /** The place in a list after which the next page starts: the last item's sort key. */
    record Position(Instant firstPublishedAt, UUID articleId) {
    }

    /**
     * Published editions of the language, newest first publication first, ties broken by article id, starting
     * after {@code after} (null: from the top). The key only moves backwards in time, so a story published
     * while a reader pages appears on page one, never as a duplicate or in place of another on a later page.
     */
    List<Listed> published(String language, String section, String tag, Position after, int limit) {
        List<Object> params = new ArrayList<>(List.of(language));
        StringBuilder sql = new StringBuilder("""
                SELECT e.article_id, e.language, e.slug, e.atom_id, e.first_published_at, e.updated_at,
                       r.title, r.summary, a.byline, a.section, a.tags
                  FROM editions e
                  JOIN articles a ON a.id = e.article_id
                  JOIN revisions r ON r.article_id = e.article_id AND r.language = e.language
                                  AND r.number = e.published_revision
                 WHERE e.state = 'PUBLISHED' AND e.language = ?""");
        if (section != null) {
            sql.append(" AND a.section = ?");
            params.add(section);
        }
        if (tag != null) {
            sql.append(" AND a.tags @> ?");
            params.add(List.of(tag));
        }
        if (after != null) {
            sql.append(" AND (e.first_published_at, e.article_id) < (?, ?)");
            params.add(after.firstPublishedAt());
            params.add(after.articleId());
        }
        sql.append(" ORDER BY e.first_published_at DESC, e.article_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.list(sql.toString(), row -> new Listed(Jdbc.uuid(row, "article_id"), row.getString("language"),
                row.getString("slug"), row.getString("atom_id"), Jdbc.instant(row, "first_published_at"),
                Jdbc.instant(row, "updated_at"), row.getString("title"), row.getString("summary"),
                row.getString("byline"), row.getString("section"), Jdbc.strings(row, "tags")), params.toArray());
    }

    /**
     * The edition at that slug if it is published or was once (its text only while published). Last modified
     * is the story's newest change: a publication, correction or withdrawal in any language, or its metadata.
     */
    Optional<Found> bySlug(String language, String slug) {
        return jdbc.one("""
                SELECT e.article_id, e.language, e.slug, e.state, e.atom_id, e.first_published_at, e.updated_at,
                       r.title, r.summary, r.body, a.byline, a.section, a.tags,
                       greatest(a.updated_at, (SELECT max(o.updated_at) FROM editions o
                                                WHERE o.article_id = e.article_id AND o.atom_id IS NOT NULL))
                           AS last_modified
                  FROM editions e
                  JOIN articles a ON a.id = e.article_id
                  LEFT JOIN revisions r ON e.state = 'PUBLISHED' AND r.article_id = e.article_id
                                       AND r.language = e.language AND r.number = e.published_revision
                 WHERE e.language = ? AND e.slug = ? AND e.atom_id IS NOT NULL""",
                row -> new Found(Jdbc.uuid(row, "article_id"), row.getString("language"), row.getString("slug"),
                        row.getString("state"), row.getString("atom_id"), Jdbc.instant(row, "first_published_at"),
                        Jdbc.instant(row, "updated_at"), row.getString("title"), row.getString("summary"),
                        row.getString("body"), row.getString("byline"), row.getString("section"),
                        Jdbc.strings(row, "tags"), Jdbc.instant(row, "last_modified")),
                language, slug);
    }

    /** The published editions of these stories, in every language. */
    List<Address> publishedEditionsOf(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.list("""
                SELECT article_id, language, slug, first_published_at FROM editions
                 WHERE state = 'PUBLISHED' AND article_id = ANY (?::uuid[])
                 ORDER BY article_id, language""",
                row -> new Address(Jdbc.uuid(row, "article_id"), row.getString("language"), row.getString("slug"),
                        Jdbc.instant(row, "first_published_at")),
                articleIds);
    }
}
