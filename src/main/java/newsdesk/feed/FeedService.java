package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.language.LanguageService;
import newsdesk.language.SiteLanguage;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.platform.SortKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The site's feeds per language (and section) in RSS, Atom and JSON Feed, paged back to the start of the
 * current month (UTC), Atom archives of the closed months (RFC 5005) and the sitemaps; each rendered once
 * per publication change (see {@link FeedCache}). Public.
 */
@ApplicationScoped
public class FeedService {

    private static final int SITEMAP_LIMIT = 50_000;
    private static final int NEWS_SITEMAP_LIMIT = 1000;

    @Inject
    FeedRepository repository;

    @Inject
    FeedCache cache;

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

    @Inject
    @ConfigProperty(name = "newsdesk.feed.page.size", defaultValue = "50")
    int pageSize;

    @Inject
    @ConfigProperty(name = "newsdesk.site.name", defaultValue = "Newsdesk")
    String siteName;

    @Inject
    @ConfigProperty(name = "newsdesk.websub.hub")
    Optional<String> hub;

    @Inject
    @ConfigProperty(name = "newsdesk.feed.json.extension.about",
            defaultValue = "https://github.com/newsdesk/newsdesk/blob/main/README.md#json-feed-extension-_newsdesk")
    String jsonExtensionAbout;

    public Optional<String> hub() {
        return hub.filter(h -> !h.isBlank());
    }

    /**
     * The subscription document: the newest publications of a language (and section); 404 for a language or
     * section the site doesn't have. Rendered again when publications change or a month closes (its
     * prev-archive and paging depend on the month).
     */
    public RenderedFeed feed(String language, String section, FeedFormat format) {
        YearMonth current = currentMonth();
        return cache.get(format + "|" + language + "|" + section, language, period(current),
                () -> render(language, section, format, null, current));
    }

    /**
     * An older page of the subscription document (RFC 5005 §3): entries of the current month (UTC) sorting
     * after the cursor {@code before} that a previous page's {@code next} link carries; 422 naming {@code before} for a cursor this
     * server cannot have written. Rendered per request, not cached: any number of cursors must not fill memory.
     */
    public RenderedFeed page(String language, String section, FeedFormat format, String before) {
        return render(language, section, format, cursor(before), currentMonth());
    }

    /**
     * The RFC 5005 archive of one closed month (Atom). The current and future months are no archives
     * (404): the month still being written is reached through the subscription document's paging.
     */
    public RenderedFeed archive(String language, YearMonth month) {
        YearMonth current = currentMonth();
        if (!month.isBefore(current)) {
            throw new NotFound("No archive for " + month + ": only closed months are archived; the current month's "
                    + "stories are in /feeds/" + language + "/atom.xml and its pages");
        }
        return cache.get("archive|" + language + "|" + month, language, period(current),
                () -> renderArchive(language, month, current));
    }

    public String selfUrl(String language, String section, FeedFormat format) {
        return links().base() + "/feeds/" + language + "/" + format.fileName()
                + (section == null ? "" : "?section=" + URLEncoder.encode(section, StandardCharsets.UTF_8));
    }

    private String pageUrl(String language, String section, FeedFormat format, FeedRepository.PageKey before) {
        String first = selfUrl(language, section, format);
        return first + (section == null ? "?" : "&") + "before="
                + URLEncoder.encode(before.firstPublishedAt() + "|" + before.articleId(), StandardCharsets.UTF_8);
    }

    /** "instant|article id" of a page's last entry, as {@link #pageUrl} writes it. */
    private static FeedRepository.PageKey cursor(String before) {
        try {
            List<String> parts = SortKey.parts(before, 2);
            return new FeedRepository.PageKey(SortKey.instant(parts.get(0)), SortKey.id(parts.get(1)));
        } catch (Invalid forged) {
            throw Invalid.field("before", "is not a page cursor this server returned");
        }
    }

    private RenderedFeed render(String language, String section, FeedFormat format, FeedRepository.PageKey before,
                                YearMonth current) {
        SiteLanguage site = siteLanguage(language);
        if (section != null && !repository.sectionExists(section)) {
            throw new NotFound("No section " + section);
        }
        Instant monthStart = start(current);
        // One row more than a page tells whether a next page (within the current month) exists.
        List<FeedRepository.Published> rows = repository.page(language, section, before,
                before == null ? null : monthStart, pageSize + 1);
        List<FeedRepository.Published> shown = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
        boolean more = rows.size() > pageSize && !rows.get(pageSize).firstPublishedAt().isBefore(monthStart);
        Instant oldestShown = shown.size() < pageSize ? null : shown.get(shown.size() - 1).firstPublishedAt();
        List<Tombstone> tombstones = format == FeedFormat.ATOM && before == null
                ? repository.withdrawn(language, section, oldestShown, pageSize).stream().map(this::tombstone).toList()
                : List.of();
        // Only closed months are archives: prev-archive is the newest closed month with publications.
        FeedDocument.Archive archive = format == FeedFormat.ATOM && section == null
                ? repository.monthBefore(language, current)
                .map(m -> new FeedDocument.Archive(false, null, archiveUrl(language, m), null)).orElse(null) : null;
        String next = more ? pageUrl(language, section, format, new FeedRepository.PageKey(
                shown.get(shown.size() - 1).firstPublishedAt(), shown.get(shown.size() - 1).articleId())) : null;
        FeedDocument.Paging paging = before == null && next == null ? null
                : new FeedDocument.Paging(before == null ? null : selfUrl(language, section, format), next);
        String title = siteName + " — " + site.name() + (section == null ? "" : " — " + section);
        FeedDocument document = new FeedDocument(feedId(language, section), language, title,
                "The newest stories in " + site.name() + (section == null ? "" : " (" + section + ")"),
                before == null ? selfUrl(language, section, format) : pageUrl(language, section, format, before),
                links().base() + "/" + language, hub().orElse(null),
                updated(shown, tombstones), entries(shown), tombstones, archive, paging);
        return write(document, format);
    }

    private RenderedFeed renderArchive(String language, YearMonth month, YearMonth current) {
        SiteLanguage site = siteLanguage(language);
        List<FeedRepository.Published> published = repository.ofMonth(language, month);
        if (published.isEmpty()) {
            throw new NotFound("No archive for " + language + " " + month);
        }
        // next-archive never names the month still being written: that one is no archive yet.
        FeedDocument.Archive archive = new FeedDocument.Archive(true, selfUrl(language, null, FeedFormat.ATOM),
                repository.monthBefore(language, month).map(m -> archiveUrl(language, m)).orElse(null),
                repository.monthAfter(language, month).filter(m -> m.isBefore(current))
                        .map(m -> archiveUrl(language, m)).orElse(null));
        FeedDocument document = new FeedDocument(feedId(language, "archive " + month), language,
                siteName + " — " + site.name() + " — " + month, "Everything first published in " + month,
                archiveUrl(language, month), links().base() + "/" + language, null, updated(published, List.of()),
                entries(published), List.of(), archive, null);
        return write(document, FeedFormat.ATOM);
    }

    private YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    private static long period(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue();
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Google News sitemap: stories of the last two days, at most 1000. */
    public RenderedFeed newsSitemap() {
        // Its content moves with time (the last two days), not only with publications.
        return cache.get("sitemap|news", null, clock.instant().getEpochSecond() / 3600, () -> {
            List<FeedRepository.Published> recent = repository.since(clock.instant().minus(Duration.ofDays(2)),
                    NEWS_SITEMAP_LIMIT);
            Map<UUID, List<FeedRepository.Sibling>> versions = repository.publishedEditionsOf(
                    recent.stream().map(FeedRepository.Published::articleId).distinct().toList()).stream()
                    .collect(Collectors.groupingBy(FeedRepository.Sibling::articleId));
            List<SitemapWriter.NewsUrl> urls = recent.stream().map(p -> new SitemapWriter.NewsUrl(
                    links().of(p.language(), p.slug(), p.firstPublishedAt()), p.language(), p.firstPublishedAt(),
                    p.title(), alternates(versions.getOrDefault(p.articleId(), List.of())))).toList();
            return RenderedFeed.of(SitemapWriter.news(siteName, urls), newestOf(recent), FeedFormat.SITEMAP);
        });
    }

    /** Every published version with hreflang links to all of its language versions, itself included. */
    public RenderedFeed articlesSitemap() {
        return cache.get("sitemap|articles", () -> {
            List<FeedRepository.Sibling> all = repository.allPublished(SITEMAP_LIMIT);
            Map<UUID, List<FeedRepository.Sibling>> byArticle = all.stream()
                    .collect(Collectors.groupingBy(FeedRepository.Sibling::articleId));
            List<SitemapWriter.PageUrl> urls = all.stream().map(s -> new SitemapWriter.PageUrl(
                    links().of(s.language(), s.slug(), s.firstPublishedAt()),
                    alternates(byArticle.get(s.articleId())))).toList();
            Instant newest = all.stream().map(FeedRepository.Sibling::firstPublishedAt).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            return RenderedFeed.of(SitemapWriter.pages(urls), newest, FeedFormat.SITEMAP);
        });
    }

    /** Every published language version, for hreflang (each version lists itself and all its siblings). */
    private List<SitemapWriter.Alternate> alternates(List<FeedRepository.Sibling> versions) {
        return versions.stream().map(v -> new SitemapWriter.Alternate(v.language(),
                links().of(v.language(), v.slug(), v.firstPublishedAt()))).toList();
    }

    private List<FeedEntry> entries(List<FeedRepository.Published> published) {
        Map<UUID, List<FeedRepository.Sibling>> siblings = repository.publishedEditionsOf(
                published.stream().map(FeedRepository.Published::articleId).toList()).stream()
                .collect(Collectors.groupingBy(FeedRepository.Sibling::articleId));
        return published.stream().map(p -> {
            String permalink = links().of(p.language(), p.slug(), p.firstPublishedAt());
            List<FeedEntry.Alternate> alternates = siblings.getOrDefault(p.articleId(), List.of()).stream()
                    .filter(s -> !s.language().equals(p.language()))
                    .map(s -> new FeedEntry.Alternate(s.language(), links().of(s.language(), s.slug(), s.firstPublishedAt())))
                    .toList();
            return new FeedEntry(p.atomId(), p.language(), p.title(), p.summary(), Permalinks.absolute(p.body(), permalink),
                    permalink, p.byline(), p.section(), p.tags(), p.firstPublishedAt(), p.updatedAt(), alternates);
        }).toList();
    }

    private Tombstone tombstone(FeedRepository.Withdrawn withdrawn) {
        return new Tombstone(withdrawn.atomId(), withdrawn.withdrawnAt(), withdrawn.reason(),
                links().of(withdrawn.language(), withdrawn.slug(), withdrawn.firstPublishedAt()));
    }

    private SiteLanguage siteLanguage(String language) {
        return languages.list().stream().filter(l -> l.code().equals(language) && l.enabled()).findFirst()
                .orElseThrow(() -> new NotFound("No feed for " + language + ": not a language this site publishes in"));
    }

    private String archiveUrl(String language, YearMonth month) {
        return links().base() + "/feeds/" + language + "/archive/" + month + ".xml";
    }

    private static String feedId(String language, String section) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("newsdesk feed " + language + " " + section)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Instant updated(List<FeedRepository.Published> published, List<Tombstone> tombstones) {
        return Stream.concat(published.stream().map(FeedRepository.Published::updatedAt),
                tombstones.stream().map(Tombstone::when)).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static Instant newestOf(List<FeedRepository.Published> published) {
        return updated(published, List.of());
    }

    private RenderedFeed write(FeedDocument document, FeedFormat format) {
        byte[] bytes = switch (format) {
            case RSS -> RssWriter.write(document);
            case ATOM -> AtomWriter.write(document);
            case JSON -> JsonFeedWriter.write(document, jsonExtensionAbout);
            case SITEMAP -> throw new IllegalArgumentException("sitemaps are not feeds");
        };
        return RenderedFeed.of(bytes, document.updated(), format);
    }

    private Permalinks links() {
        return new Permalinks(publicUrl, permalinkTemplate);
    }
}
