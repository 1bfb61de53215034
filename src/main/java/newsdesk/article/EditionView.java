package newsdesk.article;

import jakarta.json.bind.annotation.JsonbTransient;
import newsdesk.workflow.EditionState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** GET …/editions/{lang}: the edition with its current text and what may be done with it now. */
public record EditionView(UUID articleId, String language, boolean source, EditionState state, String slug,
                          int revision, String title, String summary, String body, Integer publishedRevision,
                          Integer sourceRevision, boolean outdated, String atomId, Instant firstPublishedAt, Instant updatedAt,
                          Instant publishAt, String withdrawnReason, List<String> allowedActions,
                          @JsonbTransient long version) {
}
