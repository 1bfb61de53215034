package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
import newsdesk.language.LanguageService;
import newsdesk.outbox.Outbox;
import newsdesk.platform.ETags;
import newsdesk.platform.Idempotency;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.PreconditionFailed;
import newsdesk.platform.SortKey;
import newsdesk.workflow.ArticleState;
import newsdesk.workflow.EditionAction;
import newsdesk.workflow.EditionKind;
import newsdesk.workflow.EditionWorkflow;
import newsdesk.workflow.Publication;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Writing and reading stories: articles, editions, revisions and their history. Editors write; staff read. */
@ApplicationScoped
public class ArticleService {

    private static final int MAX_SLUG_ATTEMPTS = 50;

    @Inject
    ArticleRepository articles;

    @Inject
    EditionRepository editions;

    @Inject
    RevisionRepository revisions;

    @Inject
    EventRepository events;

    @Inject
    EditionChanges changes;

    @Inject
    LanguageService languages;

    @Inject
    Idempotency idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Event<SourceCorrected> sourceCorrections;

    @Inject
    Clock clock;

    /** The result of a create: the article and whether an earlier request with the same key made it. */
    public record Created(Article article, boolean replayed) {
    }

    /**
     * Creates an article with its source edition (DRAFT, revision 1). With an Idempotency-Key, a replay
     * returns the article the first request made. 422 for a language the site does not publish in.
     */
    @InTransaction
    public Created create(Caller editor, CreateArticleRequest request, String idempotencyKey) {
        Idempotency.Outcome outcome = idempotency.create(editor.accountId(), "articles", idempotencyKey, request,
                () -> insert(editor, request));
        return new Created(get(outcome.resourceId()), outcome.replayed());
    }

    private UUID insert(Caller editor, CreateArticleRequest request) {
        if (!languages.isEnabled(request.sourceLanguage())) {
            throw Invalid.field("sourceLanguage", request.sourceLanguage() + " is not an enabled site language");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        List<String> tags = request.tags() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.tags().stream().map(String::strip).toList()));
        articles.insert(id, request, tags, ArticleState.DRAFT, editor.accountId(), now);
        String title = HtmlSanitizer.plainText(request.title());
        insertEdition(id, request.sourceLanguage(), EditionKind.SOURCE, title);
        Revision first = new Revision(1, title, HtmlSanitizer.plainText(request.summary()),
                HtmlSanitizer.body(request.body()), null, editor.accountId(), now);
        Edition edition = editions.find(id, request.sourceLanguage()).orElseThrow();
        revisions.insert(id, request.sourceLanguage(), first);
        changes.record(id, request.sourceLanguage(), editor.accountId(), "create", null, edition.publication().state(),
                null);
        return id;
    }

    private void insertEdition(UUID articleId, String language, EditionKind kind, String title) {
        String base = Slugs.of(title);
        for (int n = 1; n <= MAX_SLUG_ATTEMPTS; n++) {
            if (editions.insertIfSlugFree(articleId, language, kind, Slugs.numbered(base, n),
                    EditionWorkflow.initial(kind))) {
                return;
            }
        }
        throw Invalid.field("title", "too many stories in " + language + " share this title's slug");
    }

    public Article get(UUID id) {
        Article article = articles.find(id).orElseThrow(() -> new NotFound("No article " + id));
        List<EditionSummary> summaries = editions.ofArticle(id).stream().map(Edition::summary).toList();
        return new Article(article.id(), article.sourceLanguage(), article.section(), article.tags(), article.byline(),
                article.state(), article.autoPublishTranslations(), article.createdBy(), article.createdAt(),
                article.updatedAt(), summaries, article.version());
    }

    public Page<Article> list(ArticleRepository.Filter filter, PageRequest page) {
        ArticleRepository.Position after = page.after() == null ? null : position(page.after());
        List<Article> found = articles.list(filter, after, page.limit());
        return page.page(found, a -> a.createdAt() + "|" + a.id());
    }

    private static ArticleRepository.Position position(String cursor) {
        List<String> parts = SortKey.parts(cursor, 2);
        return new ArticleRepository.Position(SortKey.instant(parts.get(0)), SortKey.id(parts.get(1)));
    }

    public EditionView edition(UUID articleId, String language) {
        Edition edition = findEdition(articleId, language);
        Revision current = revisions.find(articleId, language, edition.currentRevision())
                .orElseThrow(() -> new NotFound("The " + language + " edition has no text yet"));
        return view(edition, current);
    }

    /**
     * Saves new text as the next revision (editors only; If-Match required). Before publication the slug
     * follows the title; on a published edition this is a correction: the new revision is published at
     * once, `updated` moves, the Atom id stays, and the feeds hear of it through the outbox; a major
     * correction of the source also tells the desk ({@link SourceCorrected}) to update the translations.
     */
    @InTransaction
    public EditionView save(Caller editor, UUID articleId, String language, long expectedVersion,
                            SaveEditionRequest request) {
        Edition edition = lockEdition(articleId, language);
        if (edition.version() != expectedVersion) {
            throw PreconditionFailed.stale(ETags.of(edition.version()));
        }
        Publication before = edition.publication();
        EditionAction action = before.isPublished() ? EditionAction.CORRECT : EditionAction.EDIT;
        if (!edition.isSource() && action == EditionAction.EDIT) {
            throw Transitions.refuse(edition, action, "translations get their text through the translation desk");
        }
        Publication after = Transitions.apply(edition, action, clock.instant(), null);
        String title = HtmlSanitizer.plainText(request.title());
        String slug = before.firstPublishedAt() == null ? editions.freeSlug(language, Slugs.of(title), articleId)
                : edition.slug();
        int number = edition.currentRevision() + 1;
        if (!editions.advanceRevision(edition, number, slug, action == EditionAction.CORRECT, after)) {
            throw PreconditionFailed.stale(ETags.of(edition.version()));
        }
        revisions.insert(articleId, language, new Revision(number, title, HtmlSanitizer.plainText(request.summary()),
                HtmlSanitizer.body(request.body()), request.note() == null ? null : HtmlSanitizer.plainText(request.note()),
                editor.accountId(), clock.instant()));
        String detail = action == EditionAction.CORRECT ? (request.isMinor() ? "minor" : "major") + " correction, revision "
                + number : "revision " + number;
        changes.record(articleId, language, editor.accountId(), action.slug(), before.state(), after.state(), detail);
        if (action == EditionAction.CORRECT) {
            outbox.publicationChanged(action.slug(), articleId, language);
            if (edition.isSource()) {
                sourceCorrections.fire(new SourceCorrected(articleId, language, number, !request.isMinor(),
                        editor.accountId()));
            }
        }
        return edition(articleId, language);
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

    /** The published text of an edition, for anyone; 404 unless it is published right now. */
    public PublishedEdition published(String language, String slug) {
        if (!languages.isEnabled(language)) {
            throw new NotFound("Nothing published in " + language);
        }
        Edition edition = editions.findPublished(language, slug)
                .orElseThrow(() -> new NotFound("Nothing published in " + language + " at " + slug));
        Article article = articles.find(edition.articleId()).orElseThrow();
        Revision text = revisions.find(edition.articleId(), language, edition.publishedRevision()).orElseThrow();
        List<PublishedEdition.Alternate> alternates = editions.ofArticle(edition.articleId()).stream()
                .filter(e -> e.publication().isPublished() && !e.language().equals(language))
                .map(e -> new PublishedEdition.Alternate(e.language(), e.slug())).toList();
        return new PublishedEdition(edition.publication().atomId(), language, edition.slug(), text.title(),
                text.summary(), text.body(), article.byline(), article.section(), article.tags(),
                edition.publication().firstPublishedAt(), edition.publication().updatedAt(), alternates);
    }

    public List<ArticleEvent> events(UUID articleId) {
        articles.find(articleId).orElseThrow(() -> new NotFound("No article " + articleId));
        return events.ofArticle(articleId);
    }

    Edition findEdition(UUID articleId, String language) {
        return editions.find(articleId, language)
                .orElseThrow(() -> new NotFound("Article " + articleId + " has no " + language + " edition"));
    }

    private Edition lockEdition(UUID articleId, String language) {
        return editions.lock(articleId, language)
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
