package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Caller;
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
import newsdesk.workflow.EditionKind;
import newsdesk.workflow.EditionWorkflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stories as a whole: editors write them and change their metadata, staff read and list them with their
 * audit trail. The public read is newsdesk.site. The editions' text lives in {@link EditionService}.
 */
@ApplicationScoped
public class ArticleService {

    /** How often a create tries its one statement again when concurrent writers took the slug it chose. */
    private static final int SLUG_ATTEMPTS_AT_ONCE = 3;

    @Inject
    ArticleRepository articles;

    @Inject
    EventRepository events;

    @Inject
    Editions door;

    @Inject
    EditionRegister register;

    @Inject
    Idempotency idempotency;

    @Inject
    EditionChanges changes;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The result of a create: the article and whether an earlier request with the same key made it. */
    public record Created(Article article, boolean replayed) {
    }

    /**
     * {@link #create} the usual way: the story and its key in one statement committed on its own (no transaction,
     * so no COMMIT round trip), tried again with a fresh look at the slugs when a concurrent writer took the one it
     * chose. Empty when that kept happening, or when the language is not enabled and a key was given (an earlier
     * request may have created with it before the language was switched off, and is replayed): then call
     * {@link #create}. Every try writes the key last, after the story's rows, so two requests with one key never
     * wait on each other in opposite orders.
     */
    public Optional<Created> createAtOnce(Caller editor, CreateArticleRequest request, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        List<String> tags = request.tags() == null ? List.of() : tags(request.tags());
        Revision first = register.firstRevision(new Change.Text(request.title(), request.summary(), request.body(), null),
                editor.accountId());
        String slug = register.slug(request.sourceLanguage(), first.title());
        Optional<Idempotency.Claim> key = idempotency.lastInStatement(editor.accountId(), "articles", idempotencyKey,
                request, id, "edition");
        for (int attempt = 0; attempt < SLUG_ATTEMPTS_AT_ONCE; attempt++) {
            ArticleRepository.AtOnce written = articles.createAtOnce(key, id, request, tags, slug,
                    EditionRegister.MAX_SLUG_ATTEMPTS, EditionWorkflow.initial(EditionKind.SOURCE),
                    ArticleState.of(EditionWorkflow.initial(EditionKind.SOURCE), List.of()), first, AuditAction.CREATE);
            switch (written.outcome()) {
                case WRITTEN:
                    return Optional.of(new Created(written.article(), false));
                case KEY_TAKEN:
                    return Optional.of(new Created(get(idempotency.replayed(editor.accountId(), "articles",
                            idempotencyKey, request).resourceId()), true));
                case LANGUAGE_NOT_ENABLED:
                    if (idempotencyKey != null) {
                        return Optional.empty();
                    }
                    throw Invalid.field("sourceLanguage", request.sourceLanguage() + " is not an enabled site language");
                case SLUG_TAKEN:
                    break;
            }
        }
        return Optional.empty();
    }

    /**
     * Creates an article with its source edition (DRAFT, revision 1). With an Idempotency-Key, a replay
     * returns the article the first request made. 422 for a language the site does not publish in.
     */
    @InTransaction
    public Created create(Caller editor, CreateArticleRequest request, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        Article[] written = new Article[1];
        Idempotency.Outcome outcome = idempotency.createClaiming(editor.accountId(), "articles", idempotencyKey,
                request, id, claim -> {
                    written[0] = write(claim, id, editor, request);
                    return written[0] != null;
                });
        return new Created(outcome.replayed() ? get(outcome.resourceId()) : written[0], outcome.replayed());
    }

    /**
     * The story in one statement with the key's claim (the answer is what it stored); null when an earlier request
     * holds the key. When its slug was taken meanwhile (or base-2 … are all taken), statement by statement.
     */
    private Article write(Idempotency.Claim claim, UUID id, Caller editor, CreateArticleRequest request) {
        List<String> tags = request.tags() == null ? List.of() : tags(request.tags());
        Revision first = register.firstRevision(new Change.Text(request.title(), request.summary(), request.body(), null),
                editor.accountId());
        ArticleRepository.Created created = articles.create(claim, id, request, tags,
                register.slug(request.sourceLanguage(), first.title()), EditionRegister.MAX_SLUG_ATTEMPTS,
                EditionWorkflow.initial(EditionKind.SOURCE), ArticleState.of(EditionWorkflow.initial(EditionKind.SOURCE),
                        List.of()), first, AuditAction.CREATE);
        if (!created.claimed()) {
            return null;
        }
        if (!created.enabled()) {
            throw Invalid.field("sourceLanguage", request.sourceLanguage() + " is not an enabled site language");
        }
        if (created.article() != null) {
            return created.article();
        }
        insert(id, editor, request);
        return get(id);
    }

    private void insert(UUID id, Caller editor, CreateArticleRequest request) {
        List<String> tags = request.tags() == null ? List.of() : tags(request.tags());
        if (!articles.insert(id, request, tags, ArticleState.DRAFT, editor.accountId(), clock.instant())) {
            throw Invalid.field("sourceLanguage", request.sourceLanguage() + " is not an enabled site language");
        }
        register.openSource(id, request.sourceLanguage(),
                new Change.Text(request.title(), request.summary(), request.body(), null), editor.accountId());
    }

    public Article get(UUID id) {
        return articles.findWithEditions(id).orElseThrow(() -> new NotFound("No article " + id));
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

    /**
     * Changes the story's section, tags or byline (editors; If-Match with the article's ETag, 412 when stale):
     * audited with before and after. Every published edition is announced through the outbox, so its feeds
     * and public page show the new values at once. 404 unknown article, 422 a blank or oversized value.
     */
    @InTransaction
    public Article changeMetadata(Caller editor, UUID id, long expectedVersion, ChangeArticleRequest request) {
        List<Edition> story = door.holdStory(id);
        Article before = articles.find(id).orElseThrow(() -> new NotFound("No article " + id));
        if (before.version() != expectedVersion) {
            throw PreconditionFailed.stale(ETags.of(before.version()));
        }
        String section = request.section() == null ? before.section() : request.section().strip();
        List<String> tags = request.tags() == null ? before.tags() : tags(request.tags());
        String byline = request.byline() == null ? before.byline() : request.byline().strip();
        if (!articles.changeMetadata(id, expectedVersion, section, tags, byline, clock.instant())) {
            throw PreconditionFailed.stale(ETags.of(before.version()));
        }
        List<String> changed = new ArrayList<>();
        describe(changed, "section", before.section(), section);
        describe(changed, "tags", before.tags(), tags);
        describe(changed, "byline", before.byline(), byline);
        changes.note(id, null, editor.accountId(), AuditAction.CHANGE_METADATA,
                changed.isEmpty() ? "nothing changed" : String.join("; ", changed));
        story.stream().filter(e -> e.publication().isPublished())
                .forEach(e -> outbox.publicationChanged(AuditAction.CHANGE_METADATA.slug(), id, e.language()));
        return get(id);
    }

    private static void describe(List<String> changed, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changed.add(field + ": " + before + " → " + after);
        }
    }

    private static List<String> tags(List<String> tags) {
        return List.copyOf(new LinkedHashSet<>(tags.stream().map(String::strip).toList()));
    }

    public List<ArticleEvent> events(UUID articleId) {
        articles.find(articleId).orElseThrow(() -> new NotFound("No article " + articleId));
        return events.ofArticle(articleId);
    }
}
