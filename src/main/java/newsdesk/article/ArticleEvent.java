package newsdesk.article;

import java.time.Instant;
import java.util.UUID;

/** One line of an article's audit trail: who did what, to which edition, from which state to which. */
public record ArticleEvent(long id, String language, UUID actorId, String actor, String action, String fromState,
                           String toState, String detail, Instant at) {
}
