package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.platform.NotFound;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionState;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The translation editions as the translation desk sees them: what it reads about the source, and its
 * actions (request, submit, review verdicts, corrections' review) passed to the one door, {@link Editions}.
 * Always called inside the desk's transaction.
 */
@ApplicationScoped
public class TranslationEditions {

    @Inject
    ArticleRepository articles;

    @Inject
    EditionRepository editions;

    @Inject
    RevisionRepository revisions;

    @Inject
    EditionChanges changes;

    @Inject
    Editions door;

    @Inject
    EditionRegister register;

    @Inject
    Event<TranslationApproved> approvals;

    @Inject
    Clock clock;

    /** What the desk needs to know about an article's source edition. */
    public record Source(String language, int currentRevision, EditionState state, boolean autoPublish) {
    }

    public Source source(UUID articleId) {
        Article article = articles.find(articleId).orElseThrow(() -> new NotFound("No article " + articleId));
        Edition source = editions.ofArticle(articleId).stream().filter(Edition::isSource).findFirst().orElseThrow();
        return new Source(source.language(), source.currentRevision(), source.publication().state(),
                article.autoPublishTranslations());
    }

    /** The current source revision of each article, in one query (for task lists). */
    public java.util.Map<UUID, Integer> currentSourceRevisions(java.util.Collection<UUID> articleIds) {
        return editions.currentSourceRevisions(articleIds);
    }

    /** An audit event for a desk action that does not change the edition (claims, releases, lapsed leases). */
    public void note(UUID articleId, String language, UUID actorId, AuditAction action, String detail) {
        changes.note(articleId, language, actorId, action, detail);
    }

    public Revision sourceRevision(UUID articleId, int number) {
        return sourceRevision(articleId, source(articleId), number);
    }

    public Revision sourceRevision(UUID articleId, Source source, int number) {
        return revisions.find(articleId, source.language(), number)
                .orElseThrow(() -> new NotFound("The source has no revision " + number));
    }

    public List<RevisionDiff.FieldDiff> sourceDiff(UUID articleId, int from, int to) {
        return RevisionDiff.between(sourceRevision(articleId, from), sourceRevision(articleId, to));
    }

    public Optional<EditionSummary> edition(UUID articleId, String language) {
        return editions.find(articleId, language).map(Edition::summary);
    }

    /** Published translations of the article (the ones a major source correction makes outdated). */
    public List<String> publishedTranslations(UUID articleId) {
        return editions.ofArticle(articleId).stream()
                .filter(e -> !e.isSource() && e.publication().isPublished()).map(Edition::language).toList();
    }

    /** Opens a translation edition (TRANSLATION) whose slug starts from the source title; 409 if one exists. */
    public void open(UUID actorId, UUID articleId, String language, int sourceRevision) {
        Source source = source(articleId);
        register.openTranslation(actorId, articleId, language, sourceRevision,
                sourceRevision(articleId, source, sourceRevision).title(), source.language());
    }

    /**
     * Saves the submitted text as the edition's next revision. A first translation moves to REVIEW (and
     * its slug follows the translated title); an update of a published translation stays published,
     * its new revision waiting for review. Returns the revision number.
     */
    public int submit(UUID actorId, UUID articleId, String language, TranslationText text, boolean update) {
        Change.Text revision = new Change.Text(text.title(), text.summary(), text.body(),
                update ? "update" : "translation");
        return door.apply(key(articleId, language), EditionAction.SUBMIT, actorId, Change.none().text(revision))
                .currentRevision();
    }

    /**
     * The reviewer's approval. A first translation becomes APPROVED, and is published at once when the
     * article opted in and its source is live. An update publishes the approved revision as a correction
     * of the live translation (409 if a newer revision is live), which is outdated only if the source moved on.
     */
    public void approve(UUID actorId, UUID articleId, String language, int revision, int sourceRevision, boolean update) {
        if (update) {
            door.apply(key(articleId, language), EditionAction.CORRECT, actorId, Change.none().publishing(revision)
                    .pinnedTo(sourceRevision).audited(AuditAction.APPROVE_UPDATE,
                            "revision " + revision + " from source revision " + sourceRevision));
        } else {
            door.apply(key(articleId, language), EditionAction.APPROVE, actorId, Change.none().pinnedTo(sourceRevision));
        }
        Source source = source(articleId);
        revisions.find(articleId, language, revision).ifPresent(approved -> approvals.fire(new TranslationApproved(
                articleId, source.language(), language, sourceRevision(articleId, source, sourceRevision), approved,
                actorId, clock.instant())));
    }

    /** The reviewer sends a first translation back (REVIEW → TRANSLATION); an update's edition is untouched. */
    public void reject(UUID actorId, UUID articleId, String language, boolean update) {
        if (update) {
            hold(articleId, language);
        } else {
            door.apply(key(articleId, language), EditionAction.REJECT, actorId, Change.none());
        }
    }

    /** A cancelled first translation that never went out leaves no edition behind. */
    public void discard(UUID actorId, UUID articleId, String language) {
        register.discard(actorId, articleId, language);
    }

    /** Marks the published translations outdated after a major source correction (the source is held). */
    public void markOutdated(UUID articleId, List<String> languages) {
        languages.forEach(language -> editions.markOutdated(articleId, language));
    }

    /**
     * The reviewer approved an editor's pending (major) correction of a published translation: that revision
     * goes out as a correction (Atom id stays, `updated` moves). 409 if the live revision is already newer.
     */
    public void publishCorrection(UUID reviewerId, UUID articleId, String language, int revision) {
        door.apply(key(articleId, language), EditionAction.CORRECT, reviewerId, Change.none().publishing(revision)
                .audited(AuditAction.APPROVE_CORRECTION, "revision " + revision + " published"));
    }

    /** The reviewer confirmed a minor correction that went live at once: recorded in the audit trail only. */
    public void confirmCorrection(UUID reviewerId, UUID articleId, String language, int revision) {
        hold(articleId, language);
        note(articleId, language, reviewerId, AuditAction.CONFIRM_CORRECTION, "revision " + revision + " confirmed");
    }

    /**
     * The reviewer rejected a minor correction that went live at once: a new revision with the text of
     * {@code toRevision} is published as a correction. 409 if the live revision is already newer.
     */
    public void revertCorrection(UUID reviewerId, UUID articleId, String language, int revision, int toRevision) {
        hold(articleId, language);
        Revision earlier = revisions.find(articleId, language, toRevision)
                .orElseThrow(() -> new NotFound("The " + language + " edition has no revision " + toRevision));
        Change.Text text = new Change.Text(earlier.title(), earlier.summary(), earlier.body(),
                "revert of revision " + revision);
        door.apply(key(articleId, language), EditionAction.CORRECT, reviewerId, Change.none().text(text)
                .unlessLiveNewerThan(revision).audited(AuditAction.REVERT_CORRECTION,
                        "revision " + revision + " reverted to the text of revision " + toRevision));
    }

    /**
     * Locks the article's source edition, then this translation, for the rest of the transaction: the
     * same order as every publication path, and the desk takes them before its task row.
     */
    public void hold(UUID articleId, String language) {
        door.hold(key(articleId, language));
    }

    private static EditionKey key(UUID articleId, String language) {
        return new EditionKey(articleId, language);
    }
}
