package newsdesk.workflow;

import java.util.Collection;

/**
 * The state of a whole story, derived from its editions in this one place (DESIGN §3, extended with
 * READY and WITHDRAWN so every combination has an honest name).
 */
public enum ArticleState {
    /** Only the source exists, not yet published. */
    DRAFT,
    /** A translation is being worked on. */
    TRANSLATION,
    /** A translation waits for its reviewer. */
    REVIEW,
    /** Nothing is being translated or reviewed, but some edition waits for an editor to publish it. */
    READY,
    /** Every edition (the source and each live translation) is published. */
    PUBLISHED,
    /** The source was taken down: the story is killed. */
    WITHDRAWN;

    /** Withdrawn translations of a live story count as no longer requested. */
    public static ArticleState of(EditionState source, Collection<EditionState> translations) {
        if (source == EditionState.WITHDRAWN) {
            return WITHDRAWN;
        }
        if (translations.contains(EditionState.TRANSLATION)) {
            return TRANSLATION;
        }
        if (translations.contains(EditionState.REVIEW)) {
            return REVIEW;
        }
        boolean allPublished = source == EditionState.PUBLISHED && translations.stream()
                .allMatch(t -> t == EditionState.PUBLISHED || t == EditionState.WITHDRAWN);
        if (allPublished) {
            return PUBLISHED;
        }
        return source == EditionState.DRAFT && translations.isEmpty() ? DRAFT : READY;
    }
}
