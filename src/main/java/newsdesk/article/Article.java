package newsdesk.article;

import jakarta.json.bind.annotation.JsonbTransient;
import newsdesk.workflow.ArticleState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A story with its editions, as staff see it. */
public record Article(UUID id, String sourceLanguage, String section, List<String> tags, String byline,
                      ArticleState state, boolean autoPublishTranslations, UUID createdBy, Instant createdAt,
                      Instant updatedAt, List<EditionSummary> editions, @JsonbTransient long version) {
}
