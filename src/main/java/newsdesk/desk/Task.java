package newsdesk.desk;

import newsdesk.workflow.TaskState;

import java.time.Instant;
import java.util.UUID;

/** A translation task as stored. */
public record Task(UUID id, UUID articleId, String language, TaskKind kind, TaskState state, int sourceRevision,
                   Integer baseRevision, int priority, Instant dueAt, String note, UUID holderId, String holder,
                   Instant leaseExpiresAt, int leaseCount, UUID submittedBy, Integer submittedRevision, Draft draft,
                   UUID createdBy, Instant createdAt, Instant updatedAt, long version) {

    /** Held by this account with a lease that is still running at {@code now}. */
    public boolean heldBy(UUID accountId, Instant now) {
        return state == TaskState.CLAIMED && accountId.equals(holderId) && leaseExpiresAt.isAfter(now);
    }

    public boolean leaseAlive(Instant now) {
        return leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }
}
