package newsdesk.article;

import newsdesk.workflow.EditionKind;
import newsdesk.workflow.Publication;

import java.util.UUID;

/** One language version of an article as stored: its publication facts and which revisions matter. */
public record Edition(UUID articleId, String language, String slug, Publication publication, int currentRevision,
                      Integer publishedRevision, Integer sourceRevision, String withdrawnReason, boolean outdated,
                      long version) {

    public boolean isSource() {
        return publication.kind() == EditionKind.SOURCE;
    }

    public EditionSummary summary() {
        return new EditionSummary(language, isSource(), publication.state(), slug, currentRevision, publishedRevision,
                sourceRevision, outdated, publication.atomId(), publication.firstPublishedAt(), publication.updatedAt(),
                publication.publishAt());
    }
}
