package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.outbox.Outbox;
import newsdesk.platform.ETags;
import newsdesk.platform.InTransaction;
import newsdesk.platform.NotFound;
import newsdesk.platform.PreconditionFailed;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.Publication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Putting editions in front of readers and taking them down: publish now, schedule, unschedule,
 * withdraw (a withdrawn source kills the story in every language), and the scheduler's due publications.
 * Locks are always taken source first, then translations in language order.
 */
@ApplicationScoped
public class PublicationService {

    private static final UUID SYSTEM = null;

    @Inject
    EditionRepository editions;

    @Inject
    ArticleRepository articles;

    @Inject
    RevisionRepository revisions;

    @Inject
    EditionChanges changes;

    @Inject
    Outbox outbox;

    @Inject
    Event<StoryKilled> kills;

    @Inject
    Clock clock;

    /**
     * Publishes the edition now, or schedules it when {@code at} is given (editors; If-Match required).
     * A translation goes out only after its source is published. 409 from any other state than the
     * workflow allows; 422 for a time in the past.
     */
    @InTransaction
    public EditionView publish(Caller editor, UUID articleId, String language, long expectedVersion, PublishRequest request) {
        Edition source = lockSource(articleId);
        boolean publishingSource = source.language().equals(language);
        // Every edition lock is taken before the article and version rows (one order everywhere: no deadlocks).
        List<Edition> translations = publishingSource ? editions.lockTranslations(articleId) : List.of();
        Edition edition = publishingSource ? source : lock(articleId, language);
        checkVersion(edition, expectedVersion);
        EditionAction action = request == null || request.at() == null ? EditionAction.PUBLISH : EditionAction.SCHEDULE;
        if (!edition.isSource() && !source.publication().isPublished()) {
            throw Transitions.refuse(edition, action, "its source (" + source.language() + ") is not published yet");
        }
        transition(editor.accountId(), edition, action, request == null ? null : request.at(), null);
        if (edition.isSource() && action == EditionAction.PUBLISH) {
            autoPublishTranslations(editor.accountId(), articleId, translations);
        }
        return view(articleId, language);
    }

    /** Calls a scheduled publication off: back to DRAFT (source) or APPROVED (translation). */
    @InTransaction
    public EditionView unschedule(Caller editor, UUID articleId, String language, long expectedVersion) {
        lockSource(articleId);
        Edition edition = lock(articleId, language);
        checkVersion(edition, expectedVersion);
        transition(editor.accountId(), edition, EditionAction.UNSCHEDULE, null, null);
        return view(articleId, language);
    }

    /**
     * Takes a published edition down with a reason. Withdrawing the source is a kill: every published
     * translation is withdrawn and every scheduled one called off, in this same transaction.
     */
    @InTransaction
    public EditionView withdraw(Caller editor, UUID articleId, String language, long expectedVersion, String reason) {
        Edition source = lockSource(articleId);
        boolean kill = source.language().equals(language);
        List<Edition> translations = kill ? editions.lockTranslations(articleId) : List.of();
        Edition edition = kill ? source : lock(articleId, language);
        checkVersion(edition, expectedVersion);
        String why = reason.strip();
        transition(editor.accountId(), edition, EditionAction.WITHDRAW, null, why);
        if (kill) {
            for (Edition translation : translations) {
                EditionState state = translation.publication().state();
                if (state == EditionState.PUBLISHED) {
                    transition(editor.accountId(), translation, EditionAction.WITHDRAW, null,
                            "killed with the " + source.language() + " source: " + why);
                } else if (state == EditionState.SCHEDULED) {
                    transition(editor.accountId(), translation, EditionAction.UNSCHEDULE, null,
                            "source " + source.language() + " withdrawn");
                }
            }
            kills.fire(new StoryKilled(articleId, editor.accountId()));
        }
        return view(articleId, language);
    }

    /**
     * Publishes scheduled editions whose time has come; returns how many. Rows another instance is
     * publishing are skipped, and each publication is a guarded update, so every edition goes out once.
     */
    @InTransaction
    public int publishDue(int limit) {
        List<Edition> due = editions.lockDue(clock.instant(), limit);
        for (Edition edition : due) {
            List<Edition> translations = edition.isSource() ? editions.lockTranslations(edition.articleId()) : List.of();
            transition(SYSTEM, edition, EditionAction.PUBLISH_DUE, null, null);
            if (edition.isSource()) {
                autoPublishTranslations(SYSTEM, edition.articleId(), translations);
            }
        }
        return due.size();
    }

    /** {@code translations} were locked by the caller, before anything else changed. */
    private void autoPublishTranslations(UUID actorId, UUID articleId, List<Edition> translations) {
        boolean optedIn = articles.find(articleId).map(Article::autoPublishTranslations).orElse(false);
        if (!optedIn) {
            return;
        }
        for (Edition translation : translations) {
            if (translation.publication().state() == EditionState.APPROVED) {
                transition(actorId, translation, EditionAction.PUBLISH, null, null);
            }
        }
    }

    private void transition(UUID actorId, Edition edition, EditionAction action, Instant at, String reason) {
        Instant now = clock.instant();
        Publication before = edition.publication();
        Publication after = Transitions.apply(edition, action, now, at);
        String withdrawnReason = action == EditionAction.WITHDRAW ? reason : edition.withdrawnReason();
        // Going out makes the current revision the published one, except when a translation comes back from
        // WITHDRAWN: its newer revisions (a submitted update) were never approved, so its last published one stays.
        boolean publishCurrent = after.isPublished() && !before.isPublished()
                && (edition.isSource() || before.state() != EditionState.WITHDRAWN);
        if (!editions.changePublication(edition, after, publishCurrent, withdrawnReason)) {
            throw PreconditionFailed.stale(ETags.of(edition.version()));
        }
        String detail = action == EditionAction.SCHEDULE ? "for " + at : reason;
        changes.record(edition.articleId(), edition.language(), actorId, action.slug(), before.state(), after.state(),
                detail);
        if (after.isPublished() || before.isPublished()) {
            outbox.publicationChanged(action.slug(), edition.articleId(), edition.language());
        }
    }

    private Edition lockSource(UUID articleId) {
        return editions.lockSource(articleId).orElseThrow(() -> new NotFound("No article " + articleId));
    }

    private Edition lock(UUID articleId, String language) {
        return editions.lock(articleId, language)
                .orElseThrow(() -> new NotFound("Article " + articleId + " has no " + language + " edition"));
    }

    private static void checkVersion(Edition edition, long expectedVersion) {
        if (edition.version() != expectedVersion) {
            throw PreconditionFailed.stale(ETags.of(edition.version()));
        }
    }

    private EditionView view(UUID articleId, String language) {
        Edition edition = editions.find(articleId, language).orElseThrow();
        return ArticleService.view(edition, revisions.find(articleId, language, edition.currentRevision()).orElseThrow());
    }
}
