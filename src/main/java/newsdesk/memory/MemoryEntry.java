package newsdesk.memory;

import java.time.Instant;
import java.util.UUID;

/** One stored sentence pair of a language pair, with where it came from (no article for an imported one). */
public record MemoryEntry(UUID id, String sourceLanguage, String targetLanguage, String source, String target,
                          UUID articleId, String approver, Instant approvedAt) {
}
