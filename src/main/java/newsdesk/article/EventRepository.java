package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The append-only audit trail. */
@ApplicationScoped
public class EventRepository {

    @Inject
    Jdbc jdbc;

    void append(UUID articleId, String language, UUID actorId, String action, String from, String to, String detail,
                Instant at) {
        jdbc.update("""
                INSERT INTO events (article_id, language, actor_id, action, from_state, to_state, detail, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", articleId, language, actorId, action, from, to, detail, at);
    }

    List<ArticleEvent> ofArticle(UUID articleId) {
        return jdbc.list("""
                SELECT e.id, e.language, e.actor_id, a.username, e.action, e.from_state, e.to_state, e.detail,
                       e.created_at
                  FROM events e LEFT JOIN accounts a ON a.id = e.actor_id
                 WHERE e.article_id = ? ORDER BY e.id""",
                row -> new ArticleEvent(row.getLong("id"), row.getString("language"), Jdbc.uuid(row, "actor_id"),
                        row.getString("username"), row.getString("action"), row.getString("from_state"),
                        row.getString("to_state"), row.getString("detail"), Jdbc.instant(row, "created_at")),
                articleId);
    }
}
