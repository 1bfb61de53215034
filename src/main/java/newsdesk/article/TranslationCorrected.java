package newsdesk.article;

import java.util.UUID;

/**
 * An editor changed a published translation: the desk puts it in that language's review queue. A {@code live} (minor)
 * correction is already published and awaits confirmation or revert; otherwise the revision waits unpublished.
 */
public record TranslationCorrected(UUID articleId, String language, int revision, int previousPublishedRevision,
                                   boolean live, UUID editorId) {
}
