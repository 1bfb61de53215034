package newsdesk.article;

import newsdesk.workflow.EditionState;

import java.time.Instant;

/** One edition as listed inside its article: where it stands, without its text. */
public record EditionSummary(String language, boolean source, EditionState state, String slug, int currentRevision,
                             Integer publishedRevision, Integer sourceRevision, boolean outdated, String atomId,
                             Instant firstPublishedAt, Instant updatedAt, Instant publishAt) {
}
