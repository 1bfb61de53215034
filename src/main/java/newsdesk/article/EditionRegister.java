package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Conflict;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.Invalid;
import newsdesk.workflow.ArticleState;
import newsdesk.workflow.EditionKind;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.EditionWorkflow;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Where editions begin and end (their changes in between go through {@link Editions}): the source when a
 * story is written, a translation when an editor asks for the language, and a first translation called
 * off before it ever went out. Each is audited; every method runs inside the caller's transaction.
 */
@ApplicationScoped
public class EditionRegister {

    static final int MAX_SLUG_ATTEMPTS = 50;

    @Inject
    EditionRepository editions;

    @Inject
    Editions door;

    @Inject
    EditionChanges changes;

    @Inject
    SlugStyle slugs;

    @Inject
    Clock clock;

    /** A new story's first revision, sanitized. */
    Revision firstRevision(Change.Text text, UUID editorId) {
        return new Revision(1, HtmlSanitizer.plainText(text.title()), HtmlSanitizer.plainText(text.summary()),
                HtmlSanitizer.body(text.body()), null, editorId, clock.instant());
    }

    /** The slug a new story's (sanitized) title asks for in its language, before numbering. */
    String slug(String language, String title) {
        return slugs.of(language, title);
    }

    /** The new story's source edition in DRAFT with its first revision (sanitized). */
    void openSource(UUID articleId, String language, Change.Text text, UUID editorId) {
        Revision first = firstRevision(text, editorId);
        insert(articleId, language, EditionKind.SOURCE, slugs.of(language, first.title()), null, "title", first);
        EditionState initial = EditionWorkflow.initial(EditionKind.SOURCE);
        // The story has only this edition yet: its derived state needs no read.
        changes.record(articleId, language, editorId, AuditAction.CREATE, null, initial, null,
                ArticleState.of(initial, List.of()));
    }

    /**
     * A translation edition in TRANSLATION; 409 if one exists. Its slug is the source title, transliterated by the
     * standard of the language it is written in: a placeholder until the translated title replaces it
     * (Editions.step, before first publication).
     */
    void openTranslation(UUID actorId, UUID articleId, String language, int sourceRevision, String sourceTitle,
                         String sourceLanguage) {
        if (editions.find(articleId, language).isPresent()) {
            throw new Conflict(ErrorCode.CONFLICT, "The article already has a " + language + " edition");
        }
        insert(articleId, language, EditionKind.TRANSLATION, slugs.of(sourceLanguage, sourceTitle), sourceRevision,
                "languages", null);
        changes.record(articleId, language, actorId, AuditAction.REQUEST_TRANSLATION, null, EditionState.TRANSLATION,
                "from source revision " + sourceRevision);
    }

    /** A first translation that never went out leaves no edition behind when its task is called off. */
    void discard(UUID actorId, UUID articleId, String language) {
        Edition edition = door.hold(new EditionKey(articleId, language));
        if (edition.publication().firstPublishedAt() == null && !edition.isSource()) {
            editions.delete(articleId, language);
            changes.record(articleId, language, actorId, AuditAction.CANCEL_TRANSLATION, edition.publication().state(),
                    null, null);
        }
    }

    /** A source edition goes in with its first revision, in the same statement. */
    private void insert(UUID articleId, String language, EditionKind kind, String base, Integer sourceRevision,
                        String field, Revision first) {
        for (int n = 1; n <= MAX_SLUG_ATTEMPTS; n++) {
            String slug = Slugs.numbered(base, n);
            boolean inserted = kind == EditionKind.SOURCE
                    ? editions.insertIfSlugFree(articleId, language, kind, slug, EditionWorkflow.initial(kind), first)
                    : editions.insertTranslation(articleId, language, slug, sourceRevision);
            if (inserted) {
                return;
            }
        }
        throw Invalid.field(field, "too many stories in " + language + " share this slug");
    }
}
