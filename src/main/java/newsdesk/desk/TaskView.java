package newsdesk.desk;

import jakarta.json.bind.annotation.JsonbTransient;
import newsdesk.glossary.GlossaryHit;
import newsdesk.workflow.TaskState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the API shows it. {@code sourceChanged} is exact: the source's current revision is newer
 * than the pinned one. The source text, comments, machine suggestions, {@code glossary} (where the source
 * uses the pair's glossary terms, with their preferred forms) are filled in for a single task, not in lists;
 * memory {@code matches} only when one task is read (GET /api/tasks/{id}).
 */
public record TaskView(UUID id, UUID articleId, String language, TaskKind kind, TaskState state, int sourceRevision,
                       Integer baseRevision, int currentSourceRevision, boolean sourceChanged, int priority,
                       Instant dueAt, String note, UUID holderId, String holder, Instant leaseExpiresAt,
                       UUID submittedBy, Integer submittedRevision, Draft draft, SourceText source,
                       List<TaskComment> comments, List<String> allowedActions, Instant createdAt, Instant updatedAt,
                       @JsonbTransient long version, List<MachineSuggestion> machine, List<GlossaryHit> glossary,
                       List<SegmentMatches> matches) {
}
