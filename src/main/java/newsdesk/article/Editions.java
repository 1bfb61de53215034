package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.outbox.Outbox;
import newsdesk.platform.Conflict;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.ETags;
import newsdesk.platform.NewsroomMetrics;
import newsdesk.platform.NotFound;
import newsdesk.platform.PreconditionFailed;
import newsdesk.workflow.ArticleState;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.Publication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The one door through which an edition's state, text and publication change (conventions: one door per
 * aggregate). Editors' saves and publications, the scheduler and the translation desk all come here.
 */
@ApplicationScoped
public class Editions {

    @Inject
    EditionRepository editions;

    @Inject
    ArticleRepository articles;

    @Inject
    EditionChanges changes;

    @Inject
    Outbox outbox;

    @Inject
    Event<StoryKilled> kills;

    @Inject
    SlugStyle slugs;

    @Inject
    NewsroomMetrics metrics;

    @Inject
    Clock clock;

    /** The editions an action holds: the source, the translations it may touch (language order), and its own. */
    private record Locked(Edition source, List<Edition> translations, Edition edition) {
    }

    /**
     * Applies the action inside the caller's transaction: locks the source edition, then the translations in
     * language order (all of them when the source is published or withdrawn, else the one acted on), asks
     * EditionWorkflow for the next state, writes it with one guarded UPDATE, records the audit event and the
     * article's derived state, and appends an outbox row when readers see a change, all in that UPDATE's
     * statement (the event and state in a second one when the state must be read back). Publishing a source publishes the approved
     * translations of an opted-in story; so does approving a translation of a published one. Withdrawing
     * the source kills the story: its published translations are withdrawn, scheduled ones called off.
     * 404 for an unknown edition; 409 naming the state and allowed actions; 412 when
     * {@link Change#expectedVersion()} is stale; 422 for a schedule in the past.
     */
    public Edition apply(EditionKey key, EditionAction action, UUID actorId, Change change) {
        return applied(key, action, actorId, change).edition();
    }

    /**
     * The edition after an {@link #apply}, the revision it wrote (null if none) and its current revision (the one
     * written, or else read by the same statement), so callers need not read them back.
     */
    public record Applied(Edition edition, Revision written, Revision current) {
    }

    /** {@link #apply}, also handing back the revision written, if any. */
    public Applied applied(EditionKey key, EditionAction action, UUID actorId, Change change) {
        return applied(lock(key, cascades(action)), action, actorId, change);
    }

    /** What a caller of {@link #decided} does to the edition it has seen locked. */
    public record Decision(EditionAction action, Change change) {
    }

    /**
     * {@link #applied} for an action that depends on the edition itself (a save edits or corrects): locks the
     * source and the edition, lets {@code decide} choose from the locked row, and applies that, so the caller
     * needs no read of its own beforehand. Only for actions that touch no other translation.
     */
    public Applied decided(EditionKey key, UUID actorId, java.util.function.Function<Edition, Decision> decide) {
        Locked locked = lock(key, false);
        Decision decision = decide.apply(locked.edition());
        if (cascades(decision.action())) {
            throw new IllegalArgumentException(decision.action() + " locks the whole story; use applied");
        }
        return applied(locked, decision.action(), actorId, decision.change());
    }

    private Applied applied(Locked locked, EditionAction action, UUID actorId, Change change) {
        Edition edition = locked.edition();
        if (change.expectedVersion() != null && edition.version() != change.expectedVersion()) {
            throw PreconditionFailed.stale(ETags.of(edition.version()));
        }
        check(locked, action, change);
        // A source change that holds every translation knows the whole story: the article's state needs no read.
        List<Edition> wholeStory = edition.isSource() && cascades(action) ? locked.translations() : null;
        Applied applied = step(locked.source(), edition, action, actorId, change, wholeStory);
        Edition next = applied.edition();
        if (edition.isSource() && action == EditionAction.WITHDRAW) {
            kill(next, locked.translations(), actorId, change.reason());
        } else if (edition.isSource() && (action == EditionAction.PUBLISH || action == EditionAction.PUBLISH_DUE)) {
            autoPublish(next, locked.translations(), actorId);
        } else if (action == EditionAction.APPROVE) {
            autoPublish(locked.source(), List.of(next), actorId);
        }
        return applied;
    }

    /** The scheduler's way in: publishes the edition if it is still scheduled and due; false if not (any more). */
    public boolean publishIfDue(EditionKey key) {
        Edition edition = lock(key, true).edition();
        Publication p = edition.publication();
        if (p.state() != EditionState.SCHEDULED || p.publishAt().isAfter(clock.instant())) {
            return false;
        }
        apply(key, EditionAction.PUBLISH_DUE, null, Change.none());
        return true;
    }

    /** Locks the source edition, then this one, until the transaction ends: for callers that lock their own rows next. */
    public Edition hold(EditionKey key) {
        return lock(key, false).edition();
    }

    /** Locks the story's source edition, then all its translations in language order (a change to the whole story). */
    public List<Edition> holdStory(UUID articleId) {
        Edition source = editions.lockSource(articleId).orElseThrow(() -> new NotFound("No article " + articleId));
        List<Edition> held = new ArrayList<>(List.of(source));
        held.addAll(editions.lockTranslations(articleId));
        return held;
    }

    private Locked lock(EditionKey key, boolean allTranslations) {
        if (allTranslations) {
            // The same rows in the same order as below, locked by one statement.
            List<Edition> story = editions.lockForCascade(key.articleId(), key.language());
            if (story.isEmpty() || !story.get(0).isSource()) {
                throw new NotFound("No article " + key.articleId());
            }
            Edition source = story.get(0);
            List<Edition> translations = story.subList(1, story.size());
            Edition edition = story.stream().filter(e -> e.language().equals(key.language())).findFirst()
                    .orElseThrow(() -> new NotFound("Article " + key.articleId() + " has no " + key.language() + " edition"));
            return new Locked(source, edition.isSource() ? translations : List.of(edition), edition);
        }
        Edition source = editions.lockSource(key.articleId())
                .orElseThrow(() -> new NotFound("No article " + key.articleId()));
        if (source.language().equals(key.language())) {
            return new Locked(source, List.of(), source);
        }
        Edition edition = editions.lock(key.articleId(), key.language())
                .orElseThrow(() -> new NotFound("Article " + key.articleId() + " has no " + key.language() + " edition"));
        return new Locked(source, List.of(edition), edition);
    }

    private static boolean cascades(EditionAction action) {
        return action == EditionAction.PUBLISH || action == EditionAction.PUBLISH_DUE || action == EditionAction.WITHDRAW;
    }

    /** The rules outside the table: who writes a translation's text, and when a translation may go out. */
    private static void check(Locked locked, EditionAction action, Change change) {
        Edition edition = locked.edition();
        if (!edition.isSource() && action == EditionAction.EDIT) {
            throw Transitions.refuse(edition, action, "translations get their text through the translation desk");
        }
        boolean goingOut = action == EditionAction.PUBLISH || action == EditionAction.SCHEDULE;
        if (!edition.isSource() && goingOut && !locked.source().publication().isPublished()) {
            throw Transitions.refuse(edition, action, "its source (" + locked.source().language()
                    + ") is not published yet");
        }
        Integer live = edition.publishedRevision();
        if (change.liveAtMost() != null && live != null && live > change.liveAtMost()) {
            throw new Conflict(ErrorCode.CONFLICT, "The live " + edition.language() + " revision " + live
                    + " is newer than revision " + change.liveAtMost() + ", which this decision was about");
        }
    }

    /** One edition's transition, on rows the caller has locked. */
    private Applied step(Edition source, Edition edition, EditionAction action, UUID actorId, Change change) {
        return step(source, edition, action, actorId, change, null);
    }

    /** {@code translations}: when {@code edition} is the source, all its translations as locked; else null. */
    private Applied step(Edition source, Edition edition, EditionAction action, UUID actorId, Change change,
                         List<Edition> translations) {
        Instant now = clock.instant();
        Publication before = edition.publication();
        Publication after = Transitions.apply(edition, action, now, change.at());
        int current = edition.currentRevision();
        String slug = edition.slug();
        Revision written = null;
        boolean slugFollows = false;
        if (change.text() != null) {
            current++;
            written = revision(current, change.text(), actorId, now);
            if (before.firstPublishedAt() == null) {
                String base = slugs.of(edition.language(), written.title());
                // The edition already holds exactly this slug (the language's slugs are unique): nothing to look up.
                slugFollows = !base.equals(slug);
                slug = base;
            }
        }
        Integer published = publishedRevision(edition, action, change, after, current);
        boolean readersSee = before.isPublished() != after.isPublished()
                || after.isPublished() && !Objects.equals(published, edition.publishedRevision());
        Integer pin = change.sourceRevision() != null ? change.sourceRevision() : edition.sourceRevision();
        boolean outdated = change.sourceRevision() != null ? change.sourceRevision() < source.currentRevision()
                : edition.outdated();
        Edition next = new Edition(edition.articleId(), edition.language(), slug,
                action == EditionAction.CORRECT && !readersSee ? before : after, current, published, pin,
                action == EditionAction.WITHDRAW ? change.reason() : edition.withdrawnReason(), outdated,
                edition.version() + 1);
        AuditAction audit = change.audit() != null ? change.audit() : AuditAction.of(action);
        EditionState from = before.state();
        EditionState to = next.publication().state();
        String detail = detail(action, change, written);
        // The audit event and the article's touch go with the edition's statement when the article's derived
        // state is known without reading the editions after the change: unchanged, or the whole story held.
        boolean derivedKnown = translations != null || from == to;
        ArticleState derived = translations == null ? null
                : ArticleState.of(to, translations.stream().map(t -> t.publication().state()).toList());
        Outbox.Row row = readersSee ? outbox.row(action.slug(), edition.articleId(), edition.language()) : null;
        EditionRepository.Together together = new EditionRepository.Together(derivedKnown
                ? new ArticleRepository.Event(edition.language(), actorId, audit.slug(), from == null ? null : from.name(),
                to == null ? null : to.name(), detail) : null, derived, now, row);
        EditionRepository.Replaced replaced = editions.replace(edition, next, written, slugFollows, together)
                .orElseThrow(() -> change.expectedVersion() != null ? PreconditionFailed.stale(ETags.of(edition.version()))
                        : new Conflict(ErrorCode.CONFLICT, "The " + edition.language() + " edition changed meanwhile; try again"));
        if (slugFollows) {
            next = new Edition(next.articleId(), next.language(), replaced.slug(), next.publication(),
                    next.currentRevision(), next.publishedRevision(), next.sourceRevision(), next.withdrawnReason(),
                    next.outdated(), next.version());
        }
        if (!derivedKnown) {
            changes.record(edition.articleId(), edition.language(), actorId, audit, from, to, detail);
        }
        if (readersSee) {
            row.written(replaced.languages());
            metrics.published(edition.language(), killed(source, edition, action) ? "kill" : audit.slug());
        }
        return new Applied(next, written, replaced.current());
    }

    /**
     * Going out makes the current revision the published one, except when a translation comes back from
     * WITHDRAWN: its newer revisions (a submitted update) were never approved, so its last published one stays.
     * A correction publishes its new text unless held for review, or the approved revision it names.
     */
    private static Integer publishedRevision(Edition edition, EditionAction action, Change change, Publication after,
                                             int current) {
        if (change.revision() != null) {
            return change.revision();
        }
        if (action == EditionAction.CORRECT && change.text() != null && !change.held()) {
            return current;
        }
        boolean goesOut = after.isPublished() && !edition.publication().isPublished();
        if (goesOut && (edition.isSource() || edition.publication().state() != EditionState.WITHDRAWN)) {
            return current;
        }
        return edition.publishedRevision();
    }

    private static Revision revision(int number, Change.Text text, UUID authorId, Instant now) {
        return new Revision(number, HtmlSanitizer.plainText(text.title()), HtmlSanitizer.plainText(text.summary()),
                HtmlSanitizer.body(text.body()), text.note() == null ? null : HtmlSanitizer.plainText(text.note()),
                authorId, now);
    }

    private static String detail(EditionAction action, Change change, Revision written) {
        if (written != null) {
            return change.detail() == null ? "revision " + written.number()
                    : change.detail() + " (revision " + written.number() + ")";
        }
        if (change.detail() != null) {
            return change.detail();
        }
        return switch (action) {
            case SCHEDULE -> "for " + change.at();
            case WITHDRAW -> change.reason();
            default -> null;
        };
    }

    /** Withdrawing the source kills the story: it and the translations that go down with it (source withdrawn). */
    private static boolean killed(Edition source, Edition edition, EditionAction action) {
        return action == EditionAction.WITHDRAW
                && (edition.isSource() || source.publication().state() == EditionState.WITHDRAWN);
    }

    /** The source went down: so does every published translation; scheduled ones are called off. */
    private void kill(Edition source, List<Edition> translations, UUID actorId, String reason) {
        for (Edition translation : translations) {
            EditionState state = translation.publication().state();
            if (state == EditionState.PUBLISHED) {
                step(source, translation, EditionAction.WITHDRAW, actorId,
                        Change.none().because("killed with the " + source.language() + " source: " + reason));
            } else if (state == EditionState.SCHEDULED) {
                step(source, translation, EditionAction.UNSCHEDULE, actorId,
                        Change.none().described("source " + source.language() + " withdrawn"));
            }
        }
        kills.fire(new StoryKilled(source.articleId(), actorId));
    }

    /** Approved translations of a story that opted in go out as soon as its source is out. */
    private void autoPublish(Edition source, List<Edition> translations, UUID actorId) {
        if (!source.publication().isPublished()
                || translations.stream().noneMatch(t -> t.publication().state() == EditionState.APPROVED)
                || !articles.find(source.articleId()).map(Article::autoPublishTranslations).orElse(false)) {
            return;
        }
        for (Edition translation : translations) {
            if (translation.publication().state() == EditionState.APPROVED) {
                step(source, translation, EditionAction.PUBLISH, actorId,
                        Change.none().described("auto-publish"));
            }
        }
    }
}
