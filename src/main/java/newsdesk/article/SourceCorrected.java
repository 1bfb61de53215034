package newsdesk.article;

import java.util.UUID;

/**
 * Fired (synchronously, inside the correcting transaction) when a published source gets a new revision.
 * A major correction makes the published translations outdated; the desk opens UPDATE tasks for them.
 */
public record SourceCorrected(UUID articleId, String sourceLanguage, int revision, boolean major, UUID actorId) {
}
