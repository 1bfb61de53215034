package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.platform.ETags;
import newsdesk.platform.InTransaction;
import newsdesk.platform.NotFound;
import newsdesk.platform.PreconditionFailed;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionWorkflow;
import newsdesk.workflow.Publication;

import java.util.List;
import java.util.UUID;

/** One language version of a story: its current text, an editor's new revisions, its history and diffs. */
@ApplicationScoped
public class EditionService {

    @Inject
    EditionRepository editions;

    @Inject
    RevisionRepository revisions;

    @Inject
    Editions door;

    @Inject
    Event<SourceCorrected> sourceCorrections;

    @Inject
    Event<TranslationCorrected> translationCorrections;

    public EditionView edition(UUID articleId, String language) {
        Edition edition = findEdition(articleId, language);
        Revision current = revisions.find(articleId, language, edition.currentRevision())
                .orElseThrow(() -> new NotFound("The " + language + " edition has no text yet"));
        return view(edition, current);
    }

    /**
     * Saves new text as the next revision (editors only; If-Match required, 412 when stale). Before
     * publication the slug follows the title; on a published edition this is a correction (the Atom id
     * stays). A source correction goes live at once (`updated` moves, the feeds hear of it through the
     * outbox); a major one also tells the desk ({@link SourceCorrected}) to update the translations. A
     * translation's correction needs a second person ({@link TranslationCorrected}): a minor one goes live
     * now and awaits review, a major one waits unpublished until a reviewer approves it. 409 for a
     * translation that is not published yet (its text comes from the desk).
     */
    @InTransaction
    public EditionView save(Caller editor, UUID articleId, String language, long expectedVersion,
                            SaveEditionRequest request) {
        // Decided on the locked row (no read of its own first): the version the editor read fixes the state.
        Edition[] seen = new Edition[1];
        Editions.Applied applied = door.decided(new EditionKey(articleId, language), editor.accountId(), edition -> {
            if (edition.version() != expectedVersion) {
                throw PreconditionFailed.stale(ETags.of(edition.version()));
            }
            seen[0] = edition;
            EditionAction action = edition.publication().isPublished() ? EditionAction.CORRECT : EditionAction.EDIT;
            boolean goesLive = edition.isSource() || request.isMinor();
            Change change = Change.ifMatch(expectedVersion)
                    .text(new Change.Text(request.title(), request.summary(), request.body(), request.note()))
                    .described(saveDetail(edition, action, request.isMinor()));
            return new Editions.Decision(action, goesLive ? change : change.heldForReview());
        });
        Edition edition = seen[0];
        EditionAction action = edition.publication().isPublished() ? EditionAction.CORRECT : EditionAction.EDIT;
        boolean goesLive = edition.isSource() || request.isMinor();
        Edition saved = applied.edition();
        if (action == EditionAction.EDIT) {
            // Nothing else reacts to an edit: the view is what was just written, not read back.
            return view(saved, applied.written());
        }
        if (action == EditionAction.CORRECT && edition.isSource()) {
            sourceCorrections.fire(new SourceCorrected(articleId, language, saved.currentRevision(), !request.isMinor(),
                    editor.accountId()));
        } else if (action == EditionAction.CORRECT) {
            translationCorrections.fire(new TranslationCorrected(articleId, language, saved.currentRevision(),
                    edition.publishedRevision(), goesLive, editor.accountId()));
        }
        return edition(articleId, language);
    }

    private static String saveDetail(Edition edition, EditionAction action, boolean minor) {
        if (action != EditionAction.CORRECT) {
            return null;
        }
        String kind = minor ? "minor correction" : "major correction";
        if (edition.isSource()) {
            return kind;
        }
        return minor ? kind + ", published; awaits review"
                : kind + ", not published; awaits review while revision " + edition.publishedRevision() + " stays live";
    }

    public List<Revision> revisions(UUID articleId, String language) {
        findEdition(articleId, language);
        return revisions.history(articleId, language);
    }

    public Revision revision(UUID articleId, String language, int number) {
        findEdition(articleId, language);
        return revisions.find(articleId, language, number)
                .orElseThrow(() -> new NotFound("The " + language + " edition has no revision " + number));
    }

    /** The word-level changes from revision {@code from} to revision {@code to}. */
    public List<RevisionDiff.FieldDiff> diff(UUID articleId, String language, int from, int to) {
        return RevisionDiff.between(revision(articleId, language, from), revision(articleId, language, to));
    }

    Edition findEdition(UUID articleId, String language) {
        return editions.find(articleId, language)
                .orElseThrow(() -> new NotFound("Article " + articleId + " has no " + language + " edition"));
    }

    static EditionView view(Edition edition, Revision current) {
        Publication p = edition.publication();
        List<String> allowed = EditionWorkflow.allowed(p.kind(), p.state()).stream()
                .filter(a -> a != EditionAction.PUBLISH_DUE).map(EditionAction::slug).sorted().toList();
        return new EditionView(edition.articleId(), edition.language(), edition.isSource(), p.state(), edition.slug(),
                current.number(), current.title(), current.summary(), current.body(), edition.publishedRevision(),
                edition.sourceRevision(), edition.outdated(), p.atomId(), p.firstPublishedAt(), p.updatedAt(), p.publishAt(),
                edition.withdrawnReason(), allowed, edition.version());
    }
}
