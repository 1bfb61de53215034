package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.article.EditionSummary;
import newsdesk.article.TranslationCorrected;
import newsdesk.article.TranslationEditions;
import newsdesk.platform.Conflict;
import newsdesk.platform.ErrorCode;
import newsdesk.workflow.TaskAction;

import java.time.Clock;
import java.util.Optional;

/**
 * Four eyes on an editor's correction of a published translation (issue 8, hole 9): the correction waits
 * in its language's review queue as a CORRECTION task written by the editor, so the editor can never review
 * it. Approval publishes a pending correction or confirms a live one; rejection reverts the live text to the
 * last reviewed revision, or leaves the pending one unpublished. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class CorrectionReviews {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskTransitions transitions;

    @Inject
    TranslationEditions editions;

    @Inject
    Clock clock;

    /**
     * Queues the correction for review (inside the editor's save, which holds the edition). A newer
     * correction replaces one still waiting, keeping its last reviewed revision as the one to go back to.
     */
    void onTranslationCorrected(@Observes TranslationCorrected correction) {
        int lastReviewed = correction.previousPublishedRevision();
        Optional<Task> waiting = tasks.liveCorrection(correction.articleId(), correction.language());
        if (waiting.isPresent()) {
            Task older = waiting.get();
            lastReviewed = older.baseRevision();
            transitions.apply(older, TaskAction.CANCEL, TaskSelection.asRead(older), TaskChange.nobodyHolds(),
                    correction.editorId(), "superseded by the correction in revision " + correction.revision());
        }
        int source = editions.source(correction.articleId()).currentRevision();
        tasks.insertCorrection(correction.articleId(), correction.language(), source, correction.revision(),
                lastReviewed, correction.editorId(), (correction.live() ? "A live" : "An unpublished")
                        + " correction by an editor awaits review", clock.instant());
    }

    /** The reviewer agrees: a pending correction goes live, a live one stays and is confirmed. */
    void approve(Caller reviewer, Task task) {
        if (isLive(task, task.submittedRevision())) {
            editions.confirmCorrection(reviewer.accountId(), task.articleId(), task.language(), task.submittedRevision());
        } else {
            editions.publishCorrection(reviewer.accountId(), task.articleId(), task.language(), task.submittedRevision());
        }
    }

    /**
     * The reviewer disagrees: if the live text is not the last reviewed revision, it goes back to that
     * revision's text; a pending correction simply never goes out.
     */
    void reject(Caller reviewer, Task task) {
        EditionSummary edition = editions.edition(task.articleId(), task.language())
                .orElseThrow(() -> new Conflict(ErrorCode.CONFLICT, "The " + task.language() + " edition is gone"));
        Integer live = edition.publishedRevision();
        if (live != null && live != task.baseRevision().intValue() && live <= task.submittedRevision()) {
            editions.revertCorrection(reviewer.accountId(), task.articleId(), task.language(),
                    task.submittedRevision(), task.baseRevision());
        }
    }

    private boolean isLive(Task task, int revision) {
        return editions.edition(task.articleId(), task.language())
                .map(e -> e.publishedRevision() != null && e.publishedRevision() == revision).orElse(false);
    }
}
