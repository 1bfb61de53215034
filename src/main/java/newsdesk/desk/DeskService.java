package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Account;
import newsdesk.account.AccountService;
import newsdesk.account.Caller;
import newsdesk.article.RevisionDiff;
import newsdesk.article.TranslationEditions;
import newsdesk.article.TranslationText;
import newsdesk.platform.Conflict;
import newsdesk.platform.ETags;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.Forbidden;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.PreconditionFailed;
import newsdesk.platform.Role;
import newsdesk.workflow.TaskAction;
import newsdesk.workflow.TaskState;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The translation desk's use cases: claiming (leases), working (drafts, submission), reviewing (four
 * eyes) and editors' control (cancel, reassign). Who may see a task: editors and admins all; translators
 * and reviewers the tasks of their working languages.
 */
@ApplicationScoped
public class DeskService {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskViews views;

    @Inject
    TranslationEditions editions;

    @Inject
    AccountService accounts;


    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.lease.minutes", defaultValue = "120")
    long leaseMinutes;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.max.claims", defaultValue = "3")
    int maxClaims;

    public Page<TaskView> list(Caller caller, TaskState state, String language, boolean mine, PageRequest page) {
        List<String> visible = seesEverything(caller) ? null : caller.languages();
        TaskRepository.Filter filter = new TaskRepository.Filter(state, language, mine ? caller.accountId() : null, visible);
        TaskRepository.Position after = page.after() == null ? null : TaskCursor.decode(page.after());
        Page<Task> found = page.page(tasks.list(filter, after, page.limit()), TaskCursor::encode);
        return new Page<>(views.list(found.items()), found.nextCursor());
    }

    public TaskView get(Caller caller, UUID id) {
        return views.full(visibleTask(caller, id));
    }

    /**
     * Claims the best open task (priority, then due time, then age) in the translator's languages, or in
     * the one asked for: empty when there is none. 409 when the translator already holds the maximum.
     */
    @InTransaction
    public Optional<TaskView> claimNext(Caller translator, String language) {
        List<String> languages = language == null ? translator.languages() : List.of(language);
        if (language != null && !translator.languages().contains(language)) {
            throw new Forbidden("You do not translate into " + language);
        }
        Instant now = clock.instant();
        checkClaimLimit(translator.accountId(), now);
        Optional<UUID> claimed = tasks.claimNext(translator.accountId(), languages, leaseUntil(now), now);
        if (claimed.isEmpty() && expireLapsedLeases(now) > 0) {
            // The queue looked empty, but lapsed claims were waiting for the sweeper: they count as open.
            claimed = tasks.claimNext(translator.accountId(), languages, leaseUntil(now), now);
        }
        claimed.ifPresent(id -> note(tasks.find(id).orElseThrow(), translator.accountId(), "claim", null));
        return claimed.map(id -> views.full(tasks.find(id).orElseThrow()));
    }

    /** Claims a given open (or lapsed) task, or renews the caller's own lease on it. */
    @InTransaction
    public TaskView claim(Caller translator, UUID id) {
        Instant now = clock.instant();
        Task task = workableTask(translator, id);
        if (task.heldBy(translator.accountId(), now)) {
            if (!tasks.renew(task, leaseUntil(now), now)) {
                throw stale(task);
            }
            return views.full(tasks.find(id).orElseThrow());
        }
        if (task.state() == TaskState.CLAIMED && !task.leaseAlive(now)) {
            expireLapsedLeases(now);
            task = tasks.find(id).orElseThrow();
        }
        Transitions.check(task, TaskAction.CLAIM);
        checkClaimLimit(translator.accountId(), now);
        if (!tasks.claim(id, translator.accountId(), leaseUntil(now), now)) {
            throw stale(task);
        }
        note(task, translator.accountId(), "claim", null);
        return views.full(tasks.find(id).orElseThrow());
    }

    /** The holder gives the task back; the draft stays on it for the next translator. */
    @InTransaction
    public TaskView release(Caller translator, UUID id) {
        Task task = heldTask(translator, id);
        if (!tasks.release(task, clock.instant())) {
            throw stale(task);
        }
        note(task, translator.accountId(), "release", null);
        return views.full(tasks.find(id).orElseThrow());
    }

    /** Saves the holder's work in progress (If-Match: the task's ETag). */
    @InTransaction
    public TaskView saveDraft(Caller translator, UUID id, long expectedVersion, TranslationWork work) {
        Task task = heldTask(translator, id);
        if (task.version() != expectedVersion || !tasks.saveDraft(task, work, expectedVersion, clock.instant())) {
            Task current = existing(id);
            if (current.version() != expectedVersion && current.heldBy(translator.accountId(), clock.instant())) {
                throw PreconditionFailed.stale(ETags.of(current.version()));
            }
            throw stale(task);
        }
        return views.full(tasks.find(id).orElseThrow());
    }

    /**
     * The holder hands the translation in: it becomes a revision of the translation edition (sanitized),
     * which waits for review. 409 when the caller's claim has lapsed or passed to someone else.
     */
    @InTransaction
    public TaskView submit(Caller translator, UUID id, TranslationWork work) {
        Task task = heldTask(translator, id);
        Transitions.check(task, TaskAction.SUBMIT);
        editions.hold(task.articleId(), task.language());
        int revision = editions.submit(translator.accountId(), task.articleId(), task.language(),
                new TranslationText(work.title(), work.summary(), work.body()), task.kind() == TaskKind.UPDATE);
        if (!tasks.submit(task, work, revision, clock.instant())) {
            throw stale(task);
        }
        return views.full(tasks.find(id).orElseThrow());
    }

    /** A reviewer of the language accepts the translation; never the person who submitted it. */
    @InTransaction
    public TaskView approve(Caller reviewer, UUID id, String comment) {
        Task task = reviewableTask(reviewer, id);
        Transitions.check(task, TaskAction.APPROVE);
        editions.hold(task.articleId(), task.language());
        Instant now = clock.instant();
        if (!tasks.move(task, TaskState.APPROVED, null, null, false, now)) {
            throw stale(task);
        }
        if (comment != null && !comment.isBlank()) {
            tasks.comment(id, reviewer.accountId(), "APPROVE", comment.strip(), now);
        }
        editions.approve(reviewer.accountId(), task.articleId(), task.language(), task.submittedRevision(),
                task.sourceRevision(), task.kind() == TaskKind.UPDATE);
        int currentSource = editions.source(task.articleId()).currentRevision();
        if (task.kind() == TaskKind.UPDATE && task.sourceRevision() < currentSource) {
            // The source moved on while this update was in review: the live translation is still outdated.
            tasks.insert(UUID.randomUUID(), task.articleId(), task.language(), TaskKind.UPDATE, currentSource,
                    task.sourceRevision(), task.priority(), task.dueAt(), "The source changed again during review",
                    reviewer.accountId(), now);
        }
        return views.full(tasks.find(id).orElseThrow());
    }

    /**
     * A reviewer sends the translation back with a comment: to the same translator while their lease
     * lives, otherwise to the queue. The comment stays on the task.
     */
    @InTransaction
    public TaskView reject(Caller reviewer, UUID id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw Invalid.field("comment", "say what needs to change");
        }
        Task task = reviewableTask(reviewer, id);
        editions.hold(task.articleId(), task.language());
        Instant now = clock.instant();
        boolean backToTranslator = task.leaseAlive(now);
        TaskAction action = backToTranslator ? TaskAction.REJECT : TaskAction.REJECT_TO_QUEUE;
        TaskState next = Transitions.check(task, action);
        if (!tasks.move(task, next, backToTranslator ? task.holderId() : null,
                backToTranslator ? task.leaseExpiresAt() : null, false, now)) {
            throw stale(task);
        }
        tasks.comment(id, reviewer.accountId(), "REJECT", comment.strip(), now);
        editions.reject(reviewer.accountId(), task.articleId(), task.language(), task.kind() == TaskKind.UPDATE);
        return views.full(tasks.find(id).orElseThrow());
    }

    /** An editor calls the task off; a first translation that never went out disappears with it. */
    @InTransaction
    public TaskView cancel(Caller editor, UUID id) {
        Task task = existing(id);
        Transitions.check(task, TaskAction.CANCEL);
        // Editions before the task row, as everywhere on the desk.
        if (task.kind() == TaskKind.TRANSLATE) {
            editions.discard(editor.accountId(), task.articleId(), task.language());
        }
        if (!tasks.move(task, TaskState.CANCELLED, null, null, false, clock.instant())) {
            throw stale(task);
        }
        note(task, editor.accountId(), "cancel-task", null);
        return views.full(tasks.find(id).orElseThrow());
    }

    /** An editor hands the task to a translator of that language, with a fresh lease. */
    @InTransaction
    public TaskView reassign(Caller editor, UUID id, UUID translatorId) {
        Task task = existing(id);
        Account translator = accounts.get(translatorId);
        if (!translator.active() || !translator.has(Role.TRANSLATOR) || !translator.languages().contains(task.language())) {
            throw Invalid.field("translatorId", translator.username() + " is not an active " + task.language()
                    + " translator");
        }
        TaskState next = Transitions.check(task, TaskAction.REASSIGN);
        Instant now = clock.instant();
        checkClaimLimit(translatorId, now);
        if (!tasks.move(task, next, translatorId, leaseUntil(now), true, now)) {
            throw stale(task);
        }
        note(task, editor.accountId(), "reassign", "to " + translator.username());
        return views.full(tasks.find(id).orElseThrow());
    }

    /** What changed in the source since the task's starting point (for an update: since the live translation). */
    public List<RevisionDiff.FieldDiff> sourceDiff(Caller caller, UUID id) {
        Task task = visibleTask(caller, id);
        int from = task.kind() == TaskKind.UPDATE && task.baseRevision() != null ? task.baseRevision() : task.sourceRevision();
        int to = editions.source(task.articleId()).currentRevision();
        return editions.sourceDiff(task.articleId(), from, to);
    }

    /** The holder accepts the source's changes: the task is pinned to the current source revision. */
    @InTransaction
    public TaskView rebase(Caller translator, UUID id) {
        Task task = heldTask(translator, id);
        int current = editions.source(task.articleId()).currentRevision();
        if (!tasks.rebase(task, current, clock.instant())) {
            throw stale(task);
        }
        note(task, translator.accountId(), "rebase", "from source revision " + task.sourceRevision() + " to " + current);
        return views.full(tasks.find(id).orElseThrow());
    }

    /** Returns lapsed claims to the queue (the sweeper, and every claim first); safe across instances. */
    @InTransaction
    public int expireLapsedLeases() {
        return expireLapsedLeases(clock.instant());
    }

    private int expireLapsedLeases(Instant now) {
        List<TaskRepository.Lapsed> lapsed = tasks.expireLapsed(now);
        lapsed.forEach(l -> editions.note(l.articleId(), l.language(), null, "lease-expired", "held by " + l.formerHolder()));
        return lapsed.size();
    }

    private void checkClaimLimit(UUID translatorId, Instant now) {
        tasks.lockClaimsOf(translatorId);
        int held = tasks.activeClaims(translatorId, now);
        if (held >= maxClaims) {
            throw new Conflict(ErrorCode.CONFLICT, "The translator holds " + held + " tasks, the most one may hold at"
                    + " once; submit or release one first");
        }
    }

    private Task existing(UUID id) {
        return tasks.find(id).orElseThrow(() -> new NotFound("No task " + id));
    }

    private Task visibleTask(Caller caller, UUID id) {
        Task task = existing(id);
        if (!seesEverything(caller) && !caller.languages().contains(task.language())) {
            throw new Forbidden("This task is in " + task.language() + ", which is not one of your languages");
        }
        return task;
    }

    private Task workableTask(Caller translator, UUID id) {
        Task task = existing(id);
        if (!translator.has(Role.TRANSLATOR) || !translator.languages().contains(task.language())) {
            throw new Forbidden("You do not translate into " + task.language());
        }
        return task;
    }

    /** The task, if the caller holds it with a live lease: 409 for a holder whose claim lapsed or moved on. */
    private Task heldTask(Caller translator, UUID id) {
        Task task = workableTask(translator, id);
        if (!task.heldBy(translator.accountId(), clock.instant())) {
            throw stale(task);
        }
        return task;
    }

    private Task reviewableTask(Caller reviewer, UUID id) {
        Task task = existing(id);
        if (!reviewer.has(Role.REVIEWER) || !reviewer.languages().contains(task.language())) {
            throw new Forbidden("You do not review " + task.language());
        }
        if (reviewer.accountId().equals(task.submittedBy())) {
            throw new Forbidden("Four eyes: nobody reviews a translation they submitted");
        }
        return task;
    }

    private Conflict stale(Task task) {
        Task current = tasks.find(task.id()).orElse(task);
        return Transitions.notYours(current, clock.instant());
    }

    private void note(Task task, UUID actorId, String action, String detail) {
        editions.note(task.articleId(), task.language(), actorId, action, detail == null ? "task " + task.id() : detail);
    }

    private Instant leaseUntil(Instant now) {
        return now.plus(Duration.ofMinutes(leaseMinutes));
    }

    private static boolean seesEverything(Caller caller) {
        return caller.has(Role.EDITOR) || caller.has(Role.ADMIN);
    }
}
