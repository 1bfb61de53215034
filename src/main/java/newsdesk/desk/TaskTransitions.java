package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.article.AuditAction;
import newsdesk.article.TranslationEditions;
import newsdesk.platform.Conflict;
import newsdesk.platform.NewsroomMetrics;
import newsdesk.workflow.IllegalTaskTransition;
import newsdesk.workflow.TaskAction;
import newsdesk.workflow.TaskState;
import newsdesk.workflow.TaskWorkflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one door through which a task changes state. Lock order, everywhere on the desk: a path that also
 * changes the edition takes the edition locks first ({@link TranslationEditions#hold}: source edition,
 * then translation), and only then the task row, which the guarded UPDATE here locks. Claims and lease
 * expiries touch no edition and lock only task rows.
 */
@ApplicationScoped
public class TaskTransitions {

    /** Actions whose audit event the edition already records (its submit, approve, reject; a correction's approval). */
    @Inject
    TaskRepository tasks;

    @Inject
    TranslationEditions editions;

    @Inject
    NewsroomMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Asks TaskWorkflow where {@code action} leads from {@code from} (409 naming the state and the allowed
     * actions if nowhere), moves the rows {@code which} picks with one guarded UPDATE whose target state is
     * the table's, and writes an audit event per moved task. Returns the moved tasks, possibly none.
     */
    List<TaskRepository.Moved> move(TaskState from, TaskAction action, TaskSelection which, TaskChange change,
                                    UUID actorId, Function<TaskRepository.Moved, String> detail) {
        TaskState to = check(from, action);
        List<TaskRepository.Moved> moved = tasks.move(which, from, to, change, clock.instant());
        // A holder's claim on their own task renews the lease: not one more claim.
        String counted = action == TaskAction.CLAIM && from == TaskState.CLAIMED ? "renew" : action.slug();
        for (TaskRepository.Moved row : moved) {
            Task task = row.task();
            metrics.taskMoved(task.language(), counted);
            audit(action).ifPresent(audit ->
                    editions.note(task.articleId(), task.language(), actorId, audit, detail.apply(row)));
        }
        return moved;
    }

    /** One task, as it was read: 409 when it moved meanwhile or the caller's claim lapsed. */
    Task apply(Task task, TaskAction action, TaskSelection which, TaskChange change, UUID actorId, String detail) {
        return move(task.state(), action, which, change, actorId, row -> detail != null ? detail : "task " + task.id())
                .stream().findFirst().map(TaskRepository.Moved::task)
                .orElseThrow(() -> which.guardsTheHolder() ? notYours(task) : changedMeanwhile(task));
    }

    /**
     * claim-next as one statement: under the cap, the best open task in these languages, or else the best
     * lapsed claim (which expires and is claimed at once: both transitions asked of the table, both audited).
     * The outcome carries the translator's live claims before it; empty only for an unknown account.
     */
    Optional<TaskRepository.ClaimedNext> claimNext(List<String> languages, UUID translatorId, int maxClaims,
                                                   Instant leaseUntil) {
        TaskState claimed = check(TaskState.OPEN, TaskAction.CLAIM);
        TaskState reopened = check(TaskState.CLAIMED, TaskAction.EXPIRE);
        TaskState reclaimed = check(reopened, TaskAction.CLAIM);
        TaskRepository.ClaimNextQuery query = new TaskRepository.ClaimNextQuery(translatorId, languages, maxClaims,
                clock.instant(), leaseUntil, TaskState.OPEN, TaskState.CLAIMED, claimed, reclaimed,
                audit(TaskAction.CLAIM).orElseThrow().slug(), audit(TaskAction.EXPIRE).orElseThrow().slug());
        Optional<TaskRepository.ClaimedNext> open = tasks.claimNext(query, TaskRepository.ClaimSource.OPEN_QUEUE);
        // Nothing open: a second statement (its own lock and count) takes the best lapsed claim, if any.
        Optional<TaskRepository.ClaimedNext> outcome = open.isPresent() && open.get().task() == null
                && open.get().held() < maxClaims ? tasks.claimNext(query, TaskRepository.ClaimSource.LAPSED_LEASES) : open;
        outcome.map(TaskRepository.ClaimedNext::task).ifPresent(task -> {
            if (outcome.get().formerHolder() != null) {
                metrics.taskMoved(task.language(), TaskAction.EXPIRE.slug());
            }
            metrics.taskMoved(task.language(), TaskAction.CLAIM.slug());
        });
        return outcome;
    }

    /** Returns every lapsed claim to the queue; the audit names who lost it. */
    int expireLapsed() {
        return move(TaskState.CLAIMED, TaskAction.EXPIRE, TaskSelection.leaseLapsed(clock.instant()),
                TaskChange.nobodyHolds(), null, row -> "held by " + row.formerHolder()).size();
    }

    /** The API's 409 for an action the table does not allow from this state. */
    static TaskState check(TaskState from, TaskAction action) {
        try {
            return TaskWorkflow.next(from, action);
        } catch (IllegalTaskTransition e) {
            throw Conflict.illegalAction(e.getMessage(), e.current().name(), slugs(e.allowed()));
        }
    }

    /** The caller thought they held the task, but its claim lapsed or passed to someone else. */
    Conflict notYours(Task asRead) {
        Task task = tasks.find(asRead.id()).orElse(asRead);
        String why = task.state() != TaskState.CLAIMED ? "it is " + task.state()
                : !task.leaseAlive(clock.instant()) ? "the lease expired at " + task.leaseExpiresAt()
                : "it is held by " + task.holder();
        return Conflict.illegalAction("You do not hold this task: " + why, task.state().name(),
                slugs(TaskWorkflow.allowed(task.state())));
    }

    private Conflict changedMeanwhile(Task asRead) {
        Task task = tasks.find(asRead.id()).orElse(asRead);
        return Conflict.illegalAction("The task changed meanwhile (it is " + task.state() + " now); read it again",
                task.state().name(), slugs(TaskWorkflow.allowed(task.state())));
    }

    static List<String> slugs(Set<TaskAction> actions) {
        return actions.stream().map(TaskAction::slug).sorted().toList();
    }

    /**
     * The audit trail's entry for a task action; none where the edition's own change (submit, verdicts) is
     * the record. No default branch: a new task action does not compile until it is given its entry.
     */
    private static Optional<AuditAction> audit(TaskAction action) {
        return switch (action) {
            case SUBMIT, APPROVE, REJECT, REJECT_TO_QUEUE -> Optional.empty();
            case CLAIM -> Optional.of(AuditAction.CLAIM);
            case RELEASE -> Optional.of(AuditAction.RELEASE);
            case EXPIRE -> Optional.of(AuditAction.LEASE_EXPIRED);
            case REBASE -> Optional.of(AuditAction.REBASE);
            case REJECT_CORRECTION -> Optional.of(AuditAction.REJECT_CORRECTION);
            case REASSIGN -> Optional.of(AuditAction.REASSIGN);
            case CANCEL -> Optional.of(AuditAction.CANCEL_TASK);
        };
    }
}
