package newsdesk.article;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, inside the approving transaction) when a reviewer approves a translation or an
 * update of one: the source revision it was translated from and the approved revision, for the memory.
 */
public record TranslationApproved(UUID articleId, String sourceLanguage, String language, Revision source,
                                  Revision translation, UUID approverId, Instant approvedAt) {
}
