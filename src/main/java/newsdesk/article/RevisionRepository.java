package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Revisions are only ever inserted, never updated. */
@ApplicationScoped
public class RevisionRepository {

    private static final String COLUMNS = "number, title, summary, body, note, author_id, created_at";

    @Inject
    Jdbc jdbc;

    void insert(UUID articleId, String language, Revision revision) {
        jdbc.update("""
                INSERT INTO revisions (article_id, language, number, title, summary, body, note, author_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                articleId, language, revision.number(), revision.title(), revision.summary(), revision.body(),
                revision.note(), revision.authorId(), revision.createdAt());
    }

    Optional<Revision> find(UUID articleId, String language, int number) {
        return jdbc.one("SELECT " + COLUMNS + " FROM revisions WHERE article_id = ? AND language = ? AND number = ?",
                RevisionRepository::revision, articleId, language, number);
    }

    /** Newest first, bodies left out: the history is for choosing what to look at or diff. */
    List<Revision> history(UUID articleId, String language) {
        return jdbc.list("""
                SELECT number, title, summary, '' AS body, note, author_id, created_at
                  FROM revisions WHERE article_id = ? AND language = ? ORDER BY number DESC""",
                RevisionRepository::revision, articleId, language);
    }

    static Revision revision(ResultSet row) throws SQLException {
        return new Revision(row.getInt("number"), row.getString("title"), row.getString("summary"),
                row.getString("body"), row.getString("note"), Jdbc.uuid(row, "author_id"),
                Jdbc.instant(row, "created_at"));
    }
}
