package newsdesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import newsdesk.feed.Permalinks;
import newsdesk.feed.RenderedFeed;
import newsdesk.language.LanguageService;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.Invalid;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.NotFound;
import newsdesk.platform.PageRequest;
import newsdesk.platform.SortKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Published stories for the site's pages, as JSON documents rendered once per publication change (see
 * {@link RenderedPages}) with a strong ETag. Public: anyone may call; only published editions are shown.
 */
@ApplicationScoped
public class PublicArticles {

    static final int DEFAULT_LIMIT = 20;
    static final String MEDIA_TYPE = "application/json; charset=utf-8";

    // Nulls written out: a reader sees "nextCursor": null on the last page rather than guessing.
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /** A rendered list and the cursor of its next page (null on the last). */
    public record Listing(RenderedFeed document, String nextCursor) {
    }

    @Inject
    PublicArticleRepository repository;

    @Inject
    RenderedPages pages;

    @Inject
    LanguageService languages;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "newsdesk.permalink.template", defaultValue = "{base}/{lang}/{yyyy}/{mm}/{dd}/{slug}")
    String permalinkTemplate;

    /**
     * Published stories of a language (and section, and tag), newest first publication first. 404 for a
     * language the site does not publish in; 422 naming {@code limit} outside 1..100 or a {@code cursor} this
     * server did not write, as every list answers. An unknown section or tag is an empty list.
     */
    public Listing list(String language, String section, String tag, String cursor, Integer limit) {
        if (limit != null && (limit < 1 || limit > PageRequest.MAX_LIMIT)) {
            throw Invalid.field("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        PublicArticleRepository.Position after = position(cursor);
        String wantedSection = blankToNull(section);
        String wantedTag = blankToNull(tag);
        return pages.get("list|" + language + "|" + wantedSection + "|" + wantedTag + "|" + after + "|" + size,
                () -> renderList(language, wantedSection, wantedTag, after, size));
    }

    /** One published story by slug. 404 when nothing was ever published there; 410 when it was and is not now. */
    public RenderedFeed story(String language, String slug) {
        return pages.get("story|" + language + "|" + slug, () -> renderStory(language, slug));
    }

    /** Where the list continues, as an absolute URL with the same filters. */
    public String nextUrl(String language, String section, String tag, Integer limit, String nextCursor) {
        StringBuilder url = new StringBuilder(publicUrl.replaceFirst("/+$", "")).append("/public/").append(language).append("/articles?");
        if (blankToNull(section) != null) {
            url.append("section=").append(encode(section)).append('&');
        }
        if (blankToNull(tag) != null) {
            url.append("tag=").append(encode(tag)).append('&');
        }
        if (limit != null) {
            url.append("limit=").append(limit).append('&');
        }
        return url.append("cursor=").append(nextCursor).toString();
    }

    private Listing renderList(String language, String section, String tag, PublicArticleRepository.Position after,
                               int size) {
        requireLanguage(language);
        PageRequest request = new PageRequest(size, null);
        List<PublicArticleRepository.Listed> fetched = repository.published(language, section, tag, after, size + 1);
        var page = request.page(fetched, listed -> listed.firstPublishedAt() + "|" + listed.articleId());
        Map<UUID, List<PublicArticleRepository.Address>> siblings = siblingsOf(
                page.items().stream().map(PublicArticleRepository.Listed::articleId).toList());
        List<StoryCard> cards = page.items().stream().map(p -> new StoryCard(p.atomId(), p.language(), p.slug(),
                links().of(p.language(), p.slug(), p.firstPublishedAt()), p.title(), p.summary(), p.byline(),
                p.section(), p.tags(), p.firstPublishedAt(), p.updatedAt(),
                alternates(siblings, p.articleId(), p.language()))).toList();
        // A list changes with any story's change, withdrawals included: it was last modified no later than now.
        return new Listing(json(new StoryPage(cards, page.nextCursor()), clock.instant()), page.nextCursor());
    }

    private RenderedFeed renderStory(String language, String slug) {
        requireLanguage(language);
        PublicArticleRepository.Found found = repository.bySlug(language, slug)
                .orElseThrow(() -> new NotFound("Nothing published in " + language + " at " + slug));
        if (!found.published()) {
            throw new NewsdeskException(ErrorCode.GONE, "The story at " + language + "/" + slug + " was withdrawn");
        }
        Story story = new Story(found.atomId(), found.language(), found.slug(),
                links().of(found.language(), found.slug(), found.firstPublishedAt()), found.title(), found.summary(),
                found.body(), found.byline(), found.section(), found.tags(), found.firstPublishedAt(),
                found.updatedAt(), alternates(siblingsOf(List.of(found.articleId())), found.articleId(), language));
        return json(story, found.lastModified());
    }

    private Map<UUID, List<PublicArticleRepository.Address>> siblingsOf(List<UUID> articleIds) {
        return repository.publishedEditionsOf(articleIds).stream()
                .collect(Collectors.groupingBy(PublicArticleRepository.Address::articleId));
    }

    private List<Sibling> alternates(Map<UUID, List<PublicArticleRepository.Address>> siblings, UUID articleId,
                                     String language) {
        return siblings.getOrDefault(articleId, List.of()).stream().filter(s -> !s.language().equals(language))
                .map(s -> new Sibling(s.language(), s.slug(), links().of(s.language(), s.slug(), s.firstPublishedAt())))
                .toList();
    }

    /** Checked at render: switching a language off bumps the publication version too, so no page outlives it. */
    private void requireLanguage(String language) {
        if (!languages.isEnabled(language)) {
            throw new NotFound("Nothing published in " + language + ": not a language this site publishes in");
        }
    }

    /** The cursor's sort key; a cursor this server cannot have written is a 422 naming it. */
    private static PublicArticleRepository.Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = SortKey.parts(PageRequest.of(1, cursor).after(), 2);
        return new PublicArticleRepository.Position(SortKey.instant(parts.get(0)), SortKey.id(parts.get(1)));
    }

    /** The feeds' recipe (the bytes, their gzip and a strong ETag hashed from them for each), served as plain JSON. */
    private static RenderedFeed json(Object document, Instant lastModified) {
        byte[] bytes = JSON.toJson(document).getBytes(StandardCharsets.UTF_8);
        return RenderedFeed.of(bytes, lastModified, MEDIA_TYPE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Permalinks links() {
        return new Permalinks(publicUrl, permalinkTemplate);
    }
}
