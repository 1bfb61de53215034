package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.article.Revision;
import newsdesk.article.TranslationEditions;
import newsdesk.glossary.GlossaryService;
import newsdesk.article.TranslationText;
import newsdesk.platform.Conflict;
import newsdesk.platform.ETags;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.Forbidden;
import newsdesk.platform.InTransaction;
import newsdesk.platform.PreconditionFailed;
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
 * The translator's side of the desk: claims are leases (claim-next, claim, renew, release, expiry by the
 * sweeper), and the holder's work on a claimed task (drafts, submission, rebase onto a changed source).
 */
@ApplicationScoped
public class ClaimService {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskTransitions transitions;

    @Inject
    TaskAccess access;

    @Inject
    TaskViews views;

    @Inject
    TranslationEditions editions;

    @Inject
    GlossaryService glossary;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.lease.minutes", defaultValue = "120")
    long leaseMinutes;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.max.claims", defaultValue = "3")
    int maxClaims;

    /**
     * Claims the best open task (priority, then due time, then age) in the translator's languages, or in
     * the one asked for, else the best lapsed claim: empty when there is none. 409 when the translator already
     * holds the maximum. One statement, one round trip, committed on its own (no transaction around it): the
     * cap, the languages, the lease, the claim, the audit events and the view's task and source text
     * (TaskRepository#claimNext); a second one only when nothing is open, for lapsed claims. The view reads more
     * only when the task has review comments or the language pair has glossary terms.
     */
    public Optional<TaskView> claimNext(Caller translator, String language) {
        List<String> languages = language == null ? translator.languages() : List.of(language);
        if (language != null && !translator.languages().contains(language)) {
            throw new Forbidden("You do not translate into " + language);
        }
        TaskRepository.ClaimedNext outcome = transitions.claimNext(languages, translator.accountId(), maxClaims,
                        leaseUntil(clock.instant()))
                .orElseThrow(() -> new Forbidden("This account can no longer claim tasks"));
        if (outcome.task() == null && outcome.held() >= maxClaims) {
            throw tooMany(outcome.held());
        }
        return Optional.ofNullable(outcome.task() == null ? null : views.claimed(outcome));
    }

    /** Claims a given open (or lapsed) task, or renews the caller's own lease on it. */
    @InTransaction
    public TaskView claim(Caller translator, UUID id) {
        Instant now = clock.instant();
        Task task = access.workable(translator, id);
        if (task.heldBy(translator.accountId(), now)) {
            return views.full(transitions.apply(task, TaskAction.CLAIM, TaskSelection.heldAsRead(task, now),
                    TaskChange.renewUntil(leaseUntil(now)), translator.accountId(), "lease renewed"));
        }
        if (task.state() == TaskState.CLAIMED && !task.leaseAlive(now)) {
            transitions.expireLapsed();
            task = access.existing(id);
        }
        TaskTransitions.check(task.state(), TaskAction.CLAIM);
        if (task.state() == TaskState.CLAIMED) {
            throw transitions.notYours(task);
        }
        checkClaimLimit(translator.accountId(), now);
        return views.full(transitions.apply(task, TaskAction.CLAIM, TaskSelection.asRead(task),
                TaskChange.claimBy(translator.accountId(), leaseUntil(now)), translator.accountId(), null));
    }

    /** The holder gives the task back; the draft stays on it for the next translator. */
    @InTransaction
    public TaskView release(Caller translator, UUID id) {
        Task task = access.held(translator, id);
        return views.full(transitions.apply(task, TaskAction.RELEASE, TaskSelection.heldAsRead(task, clock.instant()),
                TaskChange.nobodyHolds(), translator.accountId(), null));
    }

    /** Saves the holder's work in progress, sanitized like a revision (If-Match: the task's ETag). */
    @InTransaction
    public TaskView saveDraft(Caller translator, UUID id, long expectedVersion, TranslationWork work) {
        Task task = access.held(translator, id);
        Instant now = clock.instant();
        if (task.version() != expectedVersion || !tasks.saveDraft(task, work.sanitized(), expectedVersion, now)) {
            Task current = access.existing(id);
            if (current.version() != expectedVersion && current.heldBy(translator.accountId(), now)) {
                throw PreconditionFailed.stale(ETags.of(current.version()));
            }
            throw transitions.notYours(task);
        }
        return views.full(access.existing(id));
    }

    /**
     * The holder hands the translation in: it becomes a revision of the translation edition (sanitized),
     * which waits for review. 409 when the caller's claim has lapsed or passed to someone else; 422 listing
     * each glossary hit (a forbidden form, a term left out) that no reviewer has overridden on this task.
     */
    @InTransaction
    public TaskView submit(Caller translator, UUID id, TranslationWork work) {
        Task task = access.held(translator, id);
        TaskTransitions.check(task.state(), TaskAction.SUBMIT);
        checkGlossary(task, work.sanitized());
        editions.hold(task.articleId(), task.language());
        int revision = editions.submit(translator.accountId(), task.articleId(), task.language(),
                new TranslationText(work.title(), work.summary(), work.body()), task.kind() == TaskKind.UPDATE);
        return views.full(transitions.apply(task, TaskAction.SUBMIT, TaskSelection.heldAsRead(task, clock.instant()),
                TaskChange.submission(work.sanitized(), revision), translator.accountId(), null));
    }

    /** 422 listing each glossary hit of the translation against its pinned source, but those a reviewer overrode. */
    private void checkGlossary(Task task, TranslationWork translation) {
        TranslationEditions.Source source = editions.source(task.articleId());
        Revision pinned = editions.sourceRevision(task.articleId(), source, task.sourceRevision());
        glossary.check(task.id(), source.language(), new String[] {pinned.title(), pinned.summary(), pinned.body()},
                task.language(), new String[] {translation.title(), translation.summary(), translation.body()});
    }

    /** The holder accepts the source's changes: the task is pinned to the current source revision. */
    @InTransaction
    public TaskView rebase(Caller translator, UUID id) {
        Task task = access.held(translator, id);
        int current = editions.source(task.articleId()).currentRevision();
        return views.full(transitions.apply(task, TaskAction.REBASE, TaskSelection.heldAsRead(task, clock.instant()),
                TaskChange.pinnedTo(current), translator.accountId(),
                "from source revision " + task.sourceRevision() + " to " + current));
    }

    /** Returns lapsed claims to the queue (the sweeper, and claims that find the queue empty); safe across instances. */
    @InTransaction
    public int expireLapsedLeases() {
        return transitions.expireLapsed();
    }

    /** 409 when the translator already holds the most claims one may; serialized per translator across instances. */
    void checkClaimLimit(UUID translatorId, Instant now) {
        tasks.lockClaimsOf(translatorId);
        int held = tasks.activeClaims(translatorId, now);
        if (held >= maxClaims) {
            throw tooMany(held);
        }
    }

    private static Conflict tooMany(int held) {
        return new Conflict(ErrorCode.CONFLICT, "The translator holds " + held + " tasks, the most one may hold at"
                + " once; submit or release one first");
    }

    Instant leaseUntil(Instant now) {
        return now.plus(Duration.ofMinutes(leaseMinutes));
    }
}
