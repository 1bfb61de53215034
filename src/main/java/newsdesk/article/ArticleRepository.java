package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Idempotency;
import newsdesk.platform.IdempotencyRepository;
import newsdesk.platform.Jdbc;
import newsdesk.workflow.EditionState;
import newsdesk.workflow.ArticleState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Articles in PostgreSQL (their editions come from {@link EditionRepository}). */
@ApplicationScoped
public class ArticleRepository {

    private static final String COLUMNS = """
            id, source_language, section, tags, byline, state, auto_publish_translations, created_by, created_at,
            updated_at, version""";

    @Inject
    Jdbc jdbc;

    /** The filters of GET /api/articles; null means "any". */
    record Filter(ArticleState state, String language, String section, String tag, String text) {
    }

    /** The listing's sort key: newest first, id breaking ties. */
    record Position(Instant createdAt, UUID id) {
    }

    /**
     * Inserts the article if its source language is an enabled site language (checked by the same statement,
     * saving a round trip); false when it is not.
     */
    boolean insert(UUID id, CreateArticleRequest request, List<String> tags, ArticleState state, UUID createdBy,
                   Instant now) {
        return jdbc.update("""
                INSERT INTO articles (id, source_language, section, tags, byline, auto_publish_translations, state,
                                      created_by, created_at, updated_at)
                SELECT ?, code, ?, ?, ?, ?, ?, ?, ?, ? FROM site_languages WHERE code = ? AND enabled""",
                id, request.section().strip(), tags, request.byline().strip(),
                Boolean.TRUE.equals(request.autoPublishTranslations()), state, createdBy, now, now,
                request.sourceLanguage()) == 1;
    }

    /** The article with its editions (source first, then by language), in one query. */
    Optional<Article> findWithEditions(UUID id) {
        List<Article> rows = jdbc.list("""
                SELECT a.id, a.source_language, a.section, a.tags, a.byline, a.state AS article_state,
                       a.auto_publish_translations, a.created_by, a.created_at, a.updated_at AS article_updated_at,
                       a.version AS article_version,
                       e.article_id, e.language, e.is_source, e.slug, e.state, e.current_revision, e.published_revision,
                       e.source_revision, e.atom_id, e.first_published_at, e.updated_at, e.publish_at,
                       e.withdrawn_reason, e.outdated, e.version
                  FROM articles a JOIN editions e ON e.article_id = a.id
                 WHERE a.id = ?
                 ORDER BY NOT e.is_source, e.language""", ArticleRepository::withEdition, id);
        return rows.stream().findFirst().map(first -> new Article(first.id(), first.sourceLanguage(), first.section(),
                first.tags(), first.byline(), first.state(), first.autoPublishTranslations(), first.createdBy(),
                first.createdAt(), first.updatedAt(), rows.stream().flatMap(a -> a.editions().stream()).toList(),
                first.version()));
    }

    /** A row of {@link #findWithEditions}: the article with one of its editions. */
    private static Article withEdition(ResultSet row) throws SQLException {
        return new Article(Jdbc.uuid(row, "id"), row.getString("source_language"), row.getString("section"),
                Jdbc.strings(row, "tags"), row.getString("byline"), ArticleState.valueOf(row.getString("article_state")),
                row.getBoolean("auto_publish_translations"), Jdbc.uuid(row, "created_by"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "article_updated_at"),
                List.of(EditionRepository.edition(row).summary()), row.getLong("article_version"));
    }

    /** What {@link #create} did: claimed the key, found the language enabled, and the story as stored (null: not written). */
    record Created(boolean claimed, boolean enabled, Article article) {
    }

    /**
     * A new story in one statement: the Idempotency-Key's claim, the article (if its source language is an enabled
     * site language), its source edition with the first free slug of {@code slug}, base-2 … base-{@code
     * mostSlugs}, that first revision and the audit event (the article's state and version as after a touch),
     * each written only if the claim was made and the edition inserted. The story is answered as stored.
     */
    Created create(Idempotency.Claim claim, UUID id, CreateArticleRequest request, List<String> tags, String slug,
                   int mostSlugs, EditionState initial, ArticleState state, Revision first, AuditAction action) {
        List<Object> params = new ArrayList<>(claim.params());
        params.addAll(List.of(request.sourceLanguage(), slug, request.sourceLanguage(), id));
        params.addAll(storyParams(id, request, tags, initial, state, first, action));
        return jdbc.one("WITH " + claim.cte() + """
                ,
                enabled_language AS (SELECT code FROM site_languages WHERE code = ? AND enabled AND EXISTS (SELECT 1 FROM claimed)),
                """ + EditionRepository.freeSlugCtes(mostSlugs) + ",\n" + STORY_CTES + """

                SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, EXISTS (SELECT 1 FROM enabled_language) AS enabled,
                """ + STORY_ROW,
                row -> new Created(row.getBoolean("claimed"), row.getBoolean("enabled"),
                        row.getObject("id") == null ? null : withEdition(row)),
                params.toArray()).orElseThrow();
    }

    /** What {@link #createAtOnce} did: the story as stored, or why nothing was written. */
    record AtOnce(Outcome outcome, Article article) {
        enum Outcome { WRITTEN, KEY_TAKEN, LANGUAGE_NOT_ENABLED, SLUG_TAKEN }
    }

    /**
     * The same story in one statement committed on its own: the key, if any, is written last and only with the
     * story, so nothing at all is written when the language is not enabled, the edition's slug was taken meanwhile
     * (the caller goes the slower way) or another request holds the key (the statement fails whole on it).
     */
    AtOnce createAtOnce(Optional<Idempotency.Claim> key, UUID id, CreateArticleRequest request, List<String> tags,
                        String slug, int mostSlugs, EditionState initial, ArticleState state, Revision first,
                        AuditAction action) {
        List<Object> params = new ArrayList<>(List.of(request.sourceLanguage(), slug, request.sourceLanguage(), id));
        params.addAll(storyParams(id, request, tags, initial, state, first, action));
        key.ifPresent(claim -> params.addAll(claim.params()));
        return jdbc.oneOrTaken(IdempotencyRepository.PRIMARY_KEY, new AtOnce(AtOnce.Outcome.KEY_TAKEN, null), """
                WITH enabled_language AS (SELECT code FROM site_languages WHERE code = ? AND enabled),
                """ + EditionRepository.freeSlugCtes(mostSlugs) + ",\n" + STORY_CTES
                        + key.map(claim -> ",\n" + claim.cte()).orElse("") + """

                SELECT EXISTS (SELECT 1 FROM enabled_language) AS enabled,
                """ + STORY_ROW,
                row -> row.getObject("id") != null ? new AtOnce(AtOnce.Outcome.WRITTEN, withEdition(row))
                        : new AtOnce(row.getBoolean("enabled") ? AtOnce.Outcome.SLUG_TAKEN
                        : AtOnce.Outcome.LANGUAGE_NOT_ENABLED, null),
                params.toArray());
    }

    /** The story's CTEs, after {@code enabled_language} and the free-slug CTEs; parameters from {@link #storyParams}. */
    private static final String STORY_CTES = """
            edition AS (
                INSERT INTO editions (article_id, language, is_source, slug, state, current_revision)
                SELECT ?, code, true, s, ?, 1 FROM enabled_language, free WHERE s IS NOT NULL
                ON CONFLICT (language, slug) DO NOTHING
                RETURNING *),
            article AS (
                INSERT INTO articles (id, source_language, section, tags, byline, auto_publish_translations, state,
                                      created_by, created_at, updated_at, version)
                SELECT ?, language, ?, ?, ?, ?, ?, ?, ?, ?, 2 FROM edition
                RETURNING *),
            revision AS (
                INSERT INTO revisions (article_id, language, number, title, summary, body, note, author_id,
                                       created_at)
                SELECT article_id, language, ?, ?, ?, ?, ?, ?, ? FROM edition),
            event AS (
                INSERT INTO events (article_id, language, actor_id, action, from_state, to_state, created_at)
                SELECT article_id, language, ?, ?, NULL, ?, ? FROM edition)""";

    /** The stored story's columns as {@link #withEdition} reads them (all null when nothing was written). */
    private static final String STORY_ROW = """
                   a.id, a.source_language, a.section, a.tags, a.byline, a.state AS article_state,
                   a.auto_publish_translations, a.created_by, a.created_at, a.updated_at AS article_updated_at,
                   a.version AS article_version,
                   e.article_id, e.language, e.is_source, e.slug, e.state, e.current_revision, e.published_revision,
                   e.source_revision, e.atom_id, e.first_published_at, e.updated_at, e.publish_at,
                   e.withdrawn_reason, e.outdated, e.version
              FROM (SELECT 1) one LEFT JOIN article a ON true LEFT JOIN edition e ON true""";

    private static List<Object> storyParams(UUID id, CreateArticleRequest request, List<String> tags,
                                            EditionState initial, ArticleState state, Revision first, AuditAction action) {
        return java.util.Arrays.asList(id, initial, id, request.section().strip(), tags,
                request.byline().strip(), Boolean.TRUE.equals(request.autoPublishTranslations()), state,
                first.authorId(), first.createdAt(), first.createdAt(),
                first.number(), first.title(), first.summary(), first.body(), first.note(), first.authorId(),
                first.createdAt(),
                first.authorId(), action.slug(), initial, first.createdAt());
    }

    Optional<Article> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM articles WHERE id = ?", ArticleRepository::article, id);
    }

    /** An audit event of the article (the append-only trail, see {@link EventRepository}). */
    record Event(String language, UUID actorId, String action, String from, String to, String detail) {
    }

    /**
     * {@link #touch} as CTEs of a caller's statement, written only if the CTE named {@code %1$s} returned a row.
     * Parameters: article id, the event's language, actor, action, from, to, detail and time; the derived state
     * (null: unchanged), the time, the article id.
     */
    static final String TOUCH_CTES = """
            event AS (
                INSERT INTO events (article_id, language, actor_id, action, from_state, to_state, detail, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM %1$s),
            touched AS (
                UPDATE articles SET state = coalesce(?, state), updated_at = ?, version = version + 1
                 WHERE id = ? AND EXISTS (SELECT 1 FROM %1$s))""";

    /**
     * Records the audit event and stores the freshly derived state (null: unchanged), in one statement; every
     * edition change passes here, so the article's ETag moves too.
     */
    void touch(UUID id, ArticleState state, Instant now, Event event) {
        jdbc.update("""
                WITH event AS (
                    INSERT INTO events (article_id, language, actor_id, action, from_state, to_state, detail, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?))
                UPDATE articles SET state = coalesce(?, state), updated_at = ?, version = version + 1 WHERE id = ?""",
                id, event.language(), event.actorId(), event.action(), event.from(), event.to(), event.detail(), now,
                state == null ? null : state.name(), now, id);
    }

    /** The story's metadata, if it is still at the version the editor read; bumps the version. */
    boolean changeMetadata(UUID id, long expectedVersion, String section, List<String> tags, String byline, Instant now) {
        return jdbc.update("""
                UPDATE articles SET section = ?, tags = ?, byline = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?""", section, tags, byline, now, id, expectedVersion) == 1;
    }

    /** One page of articles after the given position; fetches limit + 1 to see whether more exist. */
    List<Article> list(Filter filter, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM articles a WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" AND a.state = ?");
            params.add(filter.state());
        }
        if (filter.section() != null) {
            sql.append(" AND a.section = ?");
            params.add(filter.section());
        }
        if (filter.tag() != null) {
            sql.append(" AND ? = ANY (a.tags)");
            params.add(filter.tag());
        }
        if (filter.language() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM editions e WHERE e.article_id = a.id AND e.language = ?)");
            params.add(filter.language());
        }
        if (filter.text() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM editions e JOIN revisions r ON r.article_id = e.article_id")
                    .append(" AND r.language = e.language AND r.number = e.current_revision")
                    .append(" WHERE e.article_id = a.id AND r.title ILIKE ? ESCAPE '\\')");
            params.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            sql.append(" AND (a.created_at, a.id) < (?, ?)");
            params.add(after.createdAt());
            params.add(after.id());
        }
        sql.append(" ORDER BY a.created_at DESC, a.id DESC LIMIT ?");
        params.add(limit + 1);
        List<Article> page = jdbc.list(sql.toString(), ArticleRepository::article, params.toArray());
        return page.isEmpty() ? page : withEditions(page);
    }

    /** The page's articles with their editions (source first, then by language), in one more query. */
    private List<Article> withEditions(List<Article> page) {
        java.util.Map<UUID, List<EditionSummary>> editions = new java.util.HashMap<>();
        jdbc.list("""
                SELECT article_id, language, is_source, slug, state, current_revision, published_revision,
                       source_revision, atom_id, first_published_at, updated_at, publish_at, withdrawn_reason,
                       outdated, version
                  FROM editions WHERE article_id = ANY (?::uuid[])
                 ORDER BY NOT is_source, language""",
                row -> editions.computeIfAbsent(Jdbc.uuid(row, "article_id"), id -> new ArrayList<>())
                        .add(EditionRepository.edition(row).summary()),
                page.stream().map(Article::id).toList());
        return page.stream().map(a -> new Article(a.id(), a.sourceLanguage(), a.section(), a.tags(), a.byline(),
                a.state(), a.autoPublishTranslations(), a.createdBy(), a.createdAt(), a.updatedAt(),
                List.copyOf(editions.getOrDefault(a.id(), List.of())), a.version())).toList();
    }

    private static Article article(ResultSet row) throws SQLException {
        return new Article(Jdbc.uuid(row, "id"), row.getString("source_language"), row.getString("section"),
                Jdbc.strings(row, "tags"), row.getString("byline"), ArticleState.valueOf(row.getString("state")),
                row.getBoolean("auto_publish_translations"), Jdbc.uuid(row, "created_by"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), List.of(), row.getLong("version"));
    }
}
