package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.workflow.ArticleState;
import newsdesk.workflow.EditionState;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What every edition change does besides the change itself, in the same transaction: an audit event,
 * and the article's derived state computed afresh from all its editions. Also the audit-only notes.
 */
@ApplicationScoped
public class EditionChanges {

    @Inject
    EventRepository events;

    @Inject
    EditionRepository editions;

    @Inject
    ArticleRepository articles;

    @Inject
    Clock clock;

    /** {@code actorId} is null for the system (the scheduler). */
    void record(UUID articleId, String language, UUID actorId, AuditAction action, EditionState from, EditionState to,
                String detail) {
        events.append(articleId, language, actorId, action.slug(), from == null ? null : from.name(),
                to == null ? null : to.name(), detail, clock.instant());
        articles.touch(articleId, derive(editions.ofArticle(articleId)), clock.instant());
    }

    /** An audit event that changes no edition (the desk's claims, releases, lapsed leases; confirmations). */
    void note(UUID articleId, String language, UUID actorId, AuditAction action, String detail) {
        events.append(articleId, language, actorId, action.slug(), null, null, detail, clock.instant());
    }

    static ArticleState derive(List<Edition> editions) {
        EditionState source = editions.stream().filter(Edition::isSource).findFirst()
                .map(e -> e.publication().state()).orElse(EditionState.DRAFT);
        List<EditionState> translations = editions.stream().filter(e -> !e.isSource())
                .map(e -> e.publication().state()).toList();
        return ArticleState.of(source, translations);
    }
}
