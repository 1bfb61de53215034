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

    /**
     * {@code actorId} is null for the system (the scheduler). The article's derived state depends only on its
     * editions' states, so it is computed afresh (one read of the editions) only when this edition's state
     * changed; the audit event and the article's new state, time and version are one statement.
     */
    void record(UUID articleId, String language, UUID actorId, AuditAction action, EditionState from, EditionState to,
                String detail) {
        record(articleId, language, actorId, action, from, to, detail,
                from == to ? null : derive(editions.ofArticle(articleId)));
    }

    /** As above, for a caller that knows the article's derived state after the change (null: unchanged). */
    void record(UUID articleId, String language, UUID actorId, AuditAction action, EditionState from, EditionState to,
                String detail, ArticleState derived) {
        articles.touch(articleId, derived, clock.instant(), new ArticleRepository.Event(language, actorId, action.slug(),
                from == null ? null : from.name(), to == null ? null : to.name(), detail));
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
