package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Account;
import newsdesk.account.AccountService;
import newsdesk.account.Caller;
import newsdesk.article.RevisionDiff;
import newsdesk.article.TranslationEditions;
import newsdesk.platform.Conflict;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.Role;
import newsdesk.workflow.TaskAction;
import newsdesk.workflow.TaskState;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading the desk (the queue, one task, its source diff) and the editors' steering: cancel and reassign. */
@ApplicationScoped
public class TaskService {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskTransitions transitions;

    @Inject
    TaskAccess access;

    @Inject
    TaskViews views;

    @Inject
    ClaimService claims;

    @Inject
    TranslationEditions editions;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    /** The tasks the caller may see, in queue order; a reviewer's queue is {@code state=SUBMITTED}. */
    public Page<TaskView> list(Caller caller, TaskState state, String language, boolean mine, PageRequest page) {
        List<String> visible = TaskAccess.seesEverything(caller) ? null : caller.languages();
        TaskRepository.Filter filter = new TaskRepository.Filter(state, language, mine ? caller.accountId() : null, visible);
        TaskRepository.Position after = page.after() == null ? null : TaskCursor.decode(page.after());
        Page<Task> found = page.page(tasks.list(filter, after, page.limit()), TaskCursor::encode);
        return new Page<>(views.list(found.items()), found.nextCursor());
    }

    public TaskView get(Caller caller, UUID id) {
        return views.full(access.visible(caller, id));
    }

    /** As {@link #get}, with translation-memory matches for the source: the task as its page shows it. */
    public TaskView read(Caller caller, UUID id) {
        return views.withMatches(access.visible(caller, id));
    }

    /** What changed in the source since the task's starting point (for an update: since the live translation). */
    public List<RevisionDiff.FieldDiff> sourceDiff(Caller caller, UUID id) {
        Task task = access.visible(caller, id);
        int from = task.kind() == TaskKind.UPDATE && task.baseRevision() != null ? task.baseRevision() : task.sourceRevision();
        int to = editions.source(task.articleId()).currentRevision();
        return editions.sourceDiff(task.articleId(), from, to);
    }

    /** An editor calls the task off; a first translation that never went out disappears with it. */
    @InTransaction
    public TaskView cancel(Caller editor, UUID id) {
        Task task = access.existing(id);
        TaskTransitions.check(task.state(), TaskAction.CANCEL);
        if (task.kind() == TaskKind.CORRECTION) {
            throw Conflict.illegalAction("A correction's review ends with a reviewer's verdict (four eyes)",
                    task.state().name(), List.of(TaskAction.APPROVE.slug(), TaskAction.REJECT.slug()));
        }
        editions.hold(task.articleId(), task.language());
        if (task.kind() == TaskKind.TRANSLATE) {
            editions.discard(editor.accountId(), task.articleId(), task.language());
        }
        return views.full(transitions.apply(task, TaskAction.CANCEL, TaskSelection.asRead(task),
                TaskChange.nobodyHolds(), editor.accountId(), null));
    }

    /** An editor hands the task to a translator of that language, with a fresh lease. */
    @InTransaction
    public TaskView reassign(Caller editor, UUID id, UUID translatorId) {
        Task task = access.existing(id);
        Account translator = accounts.get(translatorId);
        if (!translator.active() || !translator.has(Role.TRANSLATOR) || !translator.languages().contains(task.language())) {
            throw Invalid.field("translatorId", translator.username() + " is not an active " + task.language()
                    + " translator");
        }
        TaskTransitions.check(task.state(), TaskAction.REASSIGN);
        Instant now = clock.instant();
        claims.checkClaimLimit(translatorId, now);
        return views.full(transitions.apply(task, TaskAction.REASSIGN, TaskSelection.asRead(task),
                TaskChange.claimBy(translatorId, claims.leaseUntil(now)), editor.accountId(),
                "to " + translator.username()));
    }
}
