package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.article.AuditAction;
import newsdesk.article.TranslationEditions;
import newsdesk.glossary.GlossaryOverride;
import newsdesk.glossary.GlossaryService;
import newsdesk.platform.Conflict;
import newsdesk.platform.Forbidden;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.workflow.TaskAction;
import newsdesk.workflow.TaskState;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The reviewer's side of the desk: four-eyes verdicts on submitted translations and editors' corrections. */
@ApplicationScoped
public class ReviewService {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskTransitions transitions;

    @Inject
    TaskAccess access;

    @Inject
    TaskViews views;

    @Inject
    CorrectionReviews corrections;

    @Inject
    TranslationEditions editions;

    @Inject
    GlossaryService glossary;

    @Inject
    Clock clock;

    /**
     * A reviewer of the language accepts the translation, or an editor's correction of a published one
     * ({@link CorrectionReviews#approve}); never the person who submitted or wrote it.
     */
    @InTransaction
    public TaskView approve(Caller reviewer, UUID id, String comment) {
        Task task = access.reviewable(reviewer, id);
        TaskTransitions.check(task.state(), TaskAction.APPROVE);
        editions.hold(task.articleId(), task.language());
        Instant now = clock.instant();
        Task approved = transitions.apply(task, TaskAction.APPROVE, TaskSelection.asRead(task),
                TaskChange.nobodyHolds(), reviewer.accountId(), null);
        if (comment != null && !comment.isBlank()) {
            tasks.comment(id, reviewer.accountId(), "APPROVE", comment.strip(), null, now);
        }
        if (task.kind() == TaskKind.CORRECTION) {
            corrections.approve(reviewer, task);
            return views.full(approved);
        }
        editions.approve(reviewer.accountId(), task.articleId(), task.language(), task.submittedRevision(),
                task.sourceRevision(), task.kind() == TaskKind.UPDATE);
        int currentSource = editions.source(task.articleId()).currentRevision();
        if (task.kind() == TaskKind.UPDATE && task.sourceRevision() < currentSource) {
            // The source moved on while this update was in review: the live translation is still outdated.
            tasks.insert(new TaskRepository.NewTask(task.articleId(), task.language(), TaskKind.UPDATE, currentSource,
                    task.sourceRevision(), task.priority(), task.dueAt(), "The source changed again during review",
                    reviewer.accountId(), null), now);
        }
        return views.full(approved);
    }

    /**
     * A reviewer of the language lets one glossary hit stand on this task (a quotation, a proper name),
     * with a reason the audit trail records; submissions of the task no longer stop at it. Not on a task
     * the reviewer holds or submitted (four eyes), nor on one that is over.
     */
    @InTransaction
    public TaskView overrideGlossary(Caller reviewer, UUID id, GlossaryOverride override) {
        Task task = access.reviewable(reviewer, id);
        if (reviewer.accountId().equals(task.holderId())) {
            throw new Forbidden("Four eyes: nobody overrides the glossary for a task of their own");
        }
        if (task.state() == TaskState.APPROVED || task.state() == TaskState.CANCELLED) {
            throw Conflict.illegalAction("The task is " + task.state() + ": nothing is left to check",
                    task.state().name(), List.of());
        }
        String source = editions.source(task.articleId()).language();
        String detail = glossary.override(task.id(), source, task.language(), override, reviewer.accountId());
        editions.note(task.articleId(), task.language(), reviewer.accountId(), AuditAction.OVERRIDE_GLOSSARY, detail);
        return views.full(access.existing(id));
    }

    /**
     * A reviewer sends the translation back with a comment: to the same translator while their lease
     * lives, otherwise to the queue. A correction is turned down instead ({@link CorrectionReviews#reject}):
     * its review ends. The comment stays on the task.
     */
    @InTransaction
    public TaskView reject(Caller reviewer, UUID id, String comment, Integer block) {
        if (comment == null || comment.isBlank()) {
            throw Invalid.field("comment", "say what needs to change");
        }
        Task task = access.reviewable(reviewer, id);
        if (block != null) {
            int blocks = SourceText.blocks(editions.sourceRevision(task.articleId(), task.sourceRevision()).body());
            if (block >= blocks) {
                throw Invalid.field("block", "the source has " + blocks + " blocks (0 to " + (blocks - 1) + ")");
            }
        }
        editions.hold(task.articleId(), task.language());
        Instant now = clock.instant();
        if (task.kind() == TaskKind.CORRECTION) {
            Task rejected = transitions.apply(task, TaskAction.REJECT_CORRECTION, TaskSelection.asRead(task),
                    TaskChange.nobodyHolds(), reviewer.accountId(), "the correction in revision "
                            + task.submittedRevision() + " is turned down: " + comment.strip());
            tasks.comment(id, reviewer.accountId(), "REJECT", comment.strip(), block, now);
            corrections.reject(reviewer, task);
            return views.full(rejected);
        }
        boolean backToTranslator = task.leaseAlive(now);
        TaskAction action = backToTranslator ? TaskAction.REJECT : TaskAction.REJECT_TO_QUEUE;
        Task rejected = transitions.apply(task, action, TaskSelection.asRead(task),
                backToTranslator ? TaskChange.nothing() : TaskChange.nobodyHolds(), reviewer.accountId(), null);
        tasks.comment(id, reviewer.accountId(), "REJECT", comment.strip(), block, now);
        editions.reject(reviewer.accountId(), task.articleId(), task.language(), task.kind() == TaskKind.UPDATE);
        return views.full(rejected);
    }
}
