package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.platform.InTransaction;
import newsdesk.workflow.EditionAction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Putting editions in front of readers and taking them down: publish now, schedule, unschedule,
 * withdraw (a withdrawn source kills the story in every language), and the scheduler's due publications.
 * Each is one call of the edition door, {@link Editions}, which takes the locks and applies the rules.
 */
@ApplicationScoped
public class PublicationService {

    @Inject
    Editions door;

    @Inject
    EditionRepository editions;

    @Inject
    RevisionRepository revisions;

    @Inject
    Clock clock;

    /**
     * Publishes the edition now, or schedules it when {@code at} is given (editors; If-Match required).
     * A translation goes out only after its source is published. 409 from any other state than the
     * workflow allows; 422 for a time in the past.
     */
    @InTransaction
    public EditionView publish(Caller editor, UUID articleId, String language, long expectedVersion, PublishRequest request) {
        boolean now = request == null || request.at() == null;
        Change change = Change.ifMatch(expectedVersion);
        Editions.Applied applied = door.applied(new EditionKey(articleId, language), now ? EditionAction.PUBLISH
                : EditionAction.SCHEDULE, editor.accountId(), now ? change : change.at(request.at()));
        // The door's result is the edition as written, with its current text read by the same statement.
        return EditionService.view(applied.edition(), applied.current());
    }

    /** Calls a scheduled publication off: back to DRAFT (source) or APPROVED (translation). */
    @InTransaction
    public EditionView unschedule(Caller editor, UUID articleId, String language, long expectedVersion) {
        door.apply(new EditionKey(articleId, language), EditionAction.UNSCHEDULE, editor.accountId(),
                Change.ifMatch(expectedVersion));
        return view(articleId, language);
    }

    /**
     * Takes a published edition down with a reason. Withdrawing the source is a kill: every published
     * translation is withdrawn and every scheduled one called off, in this same transaction.
     */
    @InTransaction
    public EditionView withdraw(Caller editor, UUID articleId, String language, long expectedVersion, String reason) {
        door.apply(new EditionKey(articleId, language), EditionAction.WITHDRAW, editor.accountId(),
                Change.ifMatch(expectedVersion).because(reason.strip()));
        return view(articleId, language);
    }

    /**
     * Publishes scheduled editions whose time has come and returns them. Articles another instance is
     * publishing are skipped, and the door re-checks each edition under its locks, so every edition goes out
     * once.
     */
    @InTransaction
    public List<EditionKey> publishDue(int limit) {
        List<EditionKey> published = new ArrayList<>();
        for (EditionKey key : editions.lockDue(clock.instant(), limit)) {
            if (door.publishIfDue(key)) {
                published.add(key);
            }
        }
        return published;
    }

    private EditionView view(UUID articleId, String language) {
        Edition edition = editions.find(articleId, language).orElseThrow();
        return EditionService.view(edition, revisions.find(articleId, language, edition.currentRevision()).orElseThrow());
    }
}
