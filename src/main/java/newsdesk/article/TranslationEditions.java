package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.outbox.Outbox;
import newsdesk.platform.Conflict;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.Publication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The translation editions as the translation desk drives them: opened when translation is requested,
 * given a revision on submission, moved by the review's verdict. Always called inside the desk's
 * transaction; every change goes through the edition workflow and the audit trail like an editor's.
 */
@ApplicationScoped
public class TranslationEditions {

    private static final int MAX_SLUG_ATTEMPTS = 50;

    @Inject
    ArticleRepository articles;

    @Inject
    EditionRepository editions;

    @Inject
    RevisionRepository revisions;

    @Inject
    EditionChanges changes;

    @Inject
    EventRepository events;

    @Inject
    Outbox outbox;

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
    public void note(UUID articleId, String language, UUID actorId, String action, String detail) {
        events.append(articleId, language, actorId, action, null, null, detail, clock.instant());
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
        if (editions.find(articleId, language).isPresent()) {
            throw new Conflict(ErrorCode.CONFLICT, "The article already has a " + language + " edition");
        }
        String base = Slugs.of(sourceRevision(articleId, sourceRevision).title());
        for (int n = 1; n <= MAX_SLUG_ATTEMPTS; n++) {
            if (editions.insertTranslation(articleId, language, Slugs.numbered(base, n), sourceRevision)) {
                changes.record(articleId, language, actorId, "request-translation", null, EditionState.TRANSLATION,
                        "from source revision " + sourceRevision);
                return;
            }
        }
        throw Invalid.field("languages", "too many " + language + " stories share this slug");
    }

    /**
     * Saves the submitted text as the edition's next revision. A first translation moves to REVIEW (and
     * its slug follows the translated title); an update of a published translation stays published,
     * its new revision waiting for review. Returns the revision number.
     */
    public int submit(UUID actorId, UUID articleId, String language, TranslationText text, boolean update) {
        Edition edition = lock(articleId, language);
        Publication before = edition.publication();
        Publication after = update ? before : Transitions.apply(edition, EditionAction.SUBMIT, clock.instant(), null);
        String title = HtmlSanitizer.plainText(text.title());
        String slug = before.firstPublishedAt() == null ? editions.freeSlug(language, Slugs.of(title), articleId)
                : edition.slug();
        int number = edition.currentRevision() + 1;
        if (!editions.advanceRevision(edition, number, slug, false, before)
                || (!update && !editions.changePublication(relocked(articleId, language), after, false, null))) {
            throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
        }
        revisions.insert(articleId, language, new Revision(number, title, HtmlSanitizer.plainText(text.summary()),
                HtmlSanitizer.body(text.body()), update ? "update" : "translation", actorId, clock.instant()));
        changes.record(articleId, language, actorId, "submit", before.state(), after.state(), "revision " + number);
        return number;
    }

    /**
     * The reviewer's approval. A first translation becomes APPROVED, and is published at once when the
     * article opted in and its source is live. An update publishes the approved revision as a correction
     * of the live translation, which is no longer outdated.
     */
    public void approve(UUID actorId, UUID articleId, String language, int revision, int sourceRevision, boolean update) {
        Edition edition = lock(articleId, language);
        // Read under the locks: a story killed meanwhile must not get a translation published.
        Source source = source(articleId);
        boolean outdated = sourceRevision < source.currentRevision();
        Publication before = edition.publication();
        Instant now = clock.instant();
        if (update) {
            if (edition.publishedRevision() != null && edition.publishedRevision() > revision) {
                throw new Conflict(ErrorCode.CONFLICT, "The live " + language + " translation was corrected after this"
                        + " update was submitted; reject it and translate the update again from the corrected text");
            }
            Publication corrected = Transitions.apply(edition, EditionAction.CORRECT, now, null);
            if (!editions.publishRevision(edition, revision, sourceRevision, outdated, corrected)) {
                throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
            }
            changes.record(articleId, language, actorId, "approve-update", before.state(), corrected.state(),
                    "revision " + revision + " from source revision " + sourceRevision);
            outbox.publicationChanged(EditionAction.CORRECT.slug(), articleId, language);
            return;
        }
        Publication approved = Transitions.apply(edition, EditionAction.APPROVE, now, null);
        if (!editions.changePublication(edition, approved, false, null)
                || !editions.pinSource(articleId, language, sourceRevision)) {
            throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
        }
        changes.record(articleId, language, actorId, "approve", before.state(), approved.state(), null);
        if (outdated) {
            editions.markOutdated(articleId, language);
        }
        if (source.autoPublish() && source.state() == EditionState.PUBLISHED) {
            Edition current = lock(articleId, language);
            Publication published = Transitions.apply(current, EditionAction.PUBLISH, clock.instant(), null);
            if (!editions.changePublication(current, published, true, null)) {
                throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
            }
            changes.record(articleId, language, actorId, "publish", approved.state(), published.state(), "auto-publish");
            outbox.publicationChanged(EditionAction.PUBLISH.slug(), articleId, language);
        }
    }

    /**
     * The reviewer approved an editor's pending (major) correction of a published translation: that revision
     * goes out as a correction (Atom id stays, `updated` moves). 409 if the live revision is already newer.
     */
    public void publishCorrection(UUID reviewerId, UUID articleId, String language, int revision) {
        Edition edition = lock(articleId, language);
        liveNotNewer(edition, revision);
        Publication corrected = Transitions.apply(edition, EditionAction.CORRECT, clock.instant(), null);
        if (!editions.publishRevision(edition, revision, edition.sourceRevision(), edition.outdated(), corrected)) {
            throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
        }
        changes.record(articleId, language, reviewerId, "approve-correction", edition.publication().state(),
                corrected.state(), "revision " + revision + " published");
        outbox.publicationChanged(EditionAction.CORRECT.slug(), articleId, language);
    }

    /** The reviewer confirmed a minor correction that went live at once: recorded in the audit trail only. */
    public void confirmCorrection(UUID reviewerId, UUID articleId, String language, int revision) {
        Edition edition = lock(articleId, language);
        changes.record(articleId, language, reviewerId, "confirm-correction", edition.publication().state(),
                edition.publication().state(), "revision " + revision + " confirmed");
    }

    /**
     * The reviewer rejected a minor correction that went live at once: a new revision with the text of
     * {@code toRevision} is published as a correction. 409 if the live revision is already newer.
     */
    public void revertCorrection(UUID reviewerId, UUID articleId, String language, int revision, int toRevision) {
        Edition edition = lock(articleId, language);
        liveNotNewer(edition, revision);
        Revision earlier = revisions.find(articleId, language, toRevision)
                .orElseThrow(() -> new NotFound("The " + language + " edition has no revision " + toRevision));
        Publication corrected = Transitions.apply(edition, EditionAction.CORRECT, clock.instant(), null);
        int number = edition.currentRevision() + 1;
        if (!editions.advanceRevision(edition, number, edition.slug(), true, corrected)) {
            throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
        }
        revisions.insert(articleId, language, new Revision(number, earlier.title(), earlier.summary(), earlier.body(),
                "revert of revision " + revision, reviewerId, clock.instant()));
        changes.record(articleId, language, reviewerId, "revert-correction", edition.publication().state(),
                corrected.state(), "revision " + revision + " reverted to the text of revision " + toRevision
                        + " as revision " + number);
        outbox.publicationChanged(EditionAction.CORRECT.slug(), articleId, language);
    }

    private static void liveNotNewer(Edition edition, int revision) {
        if (edition.publishedRevision() != null && edition.publishedRevision() > revision) {
            throw new Conflict(ErrorCode.CONFLICT, "The live " + edition.language() + " revision "
                    + edition.publishedRevision() + " is newer than revision " + revision);
        }
    }

    /** The reviewer sends a first translation back (REVIEW → TRANSLATION); an update's edition is untouched. */
    public void reject(UUID actorId, UUID articleId, String language, boolean update) {
        Edition edition = lock(articleId, language);
        if (update) {
            return;
        }
        Publication before = edition.publication();
        Publication after = Transitions.apply(edition, EditionAction.REJECT, clock.instant(), null);
        if (!editions.changePublication(edition, after, false, null)) {
            throw new Conflict(ErrorCode.CONFLICT, "The " + language + " edition changed meanwhile; try again");
        }
        changes.record(articleId, language, actorId, "reject", before.state(), after.state(), null);
    }

    /** A cancelled first translation that never went out leaves no edition behind. */
    public void discard(UUID actorId, UUID articleId, String language) {
        Edition edition = lock(articleId, language);
        if (edition.publication().firstPublishedAt() == null && !edition.isSource()) {
            editions.delete(articleId, language);
            changes.record(articleId, language, actorId, "cancel-translation", edition.publication().state(), null, null);
        }
    }

    /** Marks the published translations outdated after a major source correction. */
    public void markOutdated(UUID articleId, List<String> languages) {
        languages.forEach(language -> editions.markOutdated(articleId, language));
    }


    /**
     * Locks the article's source edition, then this translation, for the rest of the transaction: the
     * same order as every publication path, and the desk takes them before its task row.
     */
    public void hold(UUID articleId, String language) {
        lock(articleId, language);
    }

    private Edition lock(UUID articleId, String language) {
        editions.lockSource(articleId).orElseThrow(() -> new NotFound("No article " + articleId));
        return editions.lock(articleId, language)
                .orElseThrow(() -> new NotFound("Article " + articleId + " has no " + language + " edition"));
    }

    private Edition relocked(UUID articleId, String language) {
        return lock(articleId, language);
    }
}
