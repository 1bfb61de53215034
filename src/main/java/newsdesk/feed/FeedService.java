package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.language.LanguageService;
import newsdesk.language.SiteLanguage;
import newsdesk.platform.NotFound;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The site's feeds per language (and section) in RSS, Atom and JSON Feed, Atom monthly archives and the
 * sitemaps; each rendered once per publication change (see {@link FeedCache}). Public.
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

    public Optional<String> hub() {
        return hub.filter(h -> !h.isBlank());
    }

    /** The newest publications of a language (and section); 404 for a language or section the site doesn't have. */
    public RenderedFeed feed(String language, String section, FeedFormat format) {
        return cache.get(format + "|" + language + "|" + section, () -> render(language, section, format));
    }

    /** The RFC 5005 archive of one month (Atom). */
    public RenderedFeed archive(String language, YearMonth month) {
        return cache.get("archive|" + language + "|" + month, () -> renderArchive(language, month));
    }

    public String selfUrl(String language, String section, FeedFormat format) {
        return links().base() + "/feeds/" + language + "/" + format.fileName()
                + (section == null ? "" : "?section=" + URLEncoder.encode(section, StandardCharsets.UTF_8));
    }

    private RenderedFeed render(String language, String section, FeedFormat format) {
        SiteLanguage site = siteLanguage(language);
        if (section != null && !repository.sectionExists(section)) {
            throw new NotFound("No section " + section);
        }
        List<FeedRepository.Published> newest = repository.newest(language, section, pageSize);
        Instant oldestShown = newest.size() < pageSize ? null : newest.get(newest.size() - 1).firstPublishedAt();
        List<Tombstone> tombstones = format == FeedFormat.ATOM
                ? repository.withdrawn(language, section, oldestShown, pageSize).stream().map(this::tombstone).toList()
                : List.of();
        FeedDocument.Archive archive = format == FeedFormat.ATOM && section == null
                ? repository.newestMonth(language).map(m -> new FeedDocument.Archive(false, null, archiveUrl(language, m), null))
                .orElse(null) : null;
        String title = siteName + " — " + site.name() + (section == null ? "" : " — " + section);
        FeedDocument document = new FeedDocument(feedId(language, section), language, title,
                "The newest stories in " + site.name() + (section == null ? "" : " (" + section + ")"),
                selfUrl(language, section, format), links().base() + "/" + language, hub().orElse(null),
                updated(newest, tombstones), entries(newest), tombstones, archive);
        return write(document, format);
    }

    private RenderedFeed renderArchive(String language, YearMonth month) {
        SiteLanguage site = siteLanguage(language);
        List<FeedRepository.Published> published = repository.ofMonth(language, month);
        if (published.isEmpty()) {
            throw new NotFound("No archive for " + language + " " + month);
        }
        FeedDocument.Archive archive = new FeedDocument.Archive(true, selfUrl(language, null, FeedFormat.ATOM),
                repository.monthBefore(language, month).map(m -> archiveUrl(language, m)).orElse(null),
                repository.monthAfter(language, month).map(m -> archiveUrl(language, m)).orElse(null));
        FeedDocument document = new FeedDocument(feedId(language, "archive " + month), language,
                siteName + " — " + site.name() + " — " + month, "Everything first published in " + month,
                archiveUrl(language, month), links().base() + "/" + language, null, updated(published, List.of()),
                entries(published), List.of(), archive);
        return write(document, FeedFormat.ATOM);
    }

    /** Google News sitemap: stories of the last two days, at most 1000. */
    public RenderedFeed newsSitemap() {
        // Its content moves with time (the last two days), not only with publications.
        return cache.get("sitemap|news", clock.instant().getEpochSecond() / 3600, () -> {
            List<FeedRepository.Published> recent = repository.since(clock.instant().minus(Duration.ofDays(2)),
                    NEWS_SITEMAP_LIMIT);
            List<SitemapWriter.NewsUrl> urls = recent.stream().map(p -> new SitemapWriter.NewsUrl(
                    links().of(p.language(), p.slug(), p.firstPublishedAt()), p.language(), p.firstPublishedAt(),
                    p.title())).toList();
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
                    byArticle.get(s.articleId()).stream().map(v -> new SitemapWriter.Alternate(v.language(),
                            links().of(v.language(), v.slug(), v.firstPublishedAt()))).toList())).toList();
            Instant newest = all.stream().map(FeedRepository.Sibling::firstPublishedAt).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            return RenderedFeed.of(SitemapWriter.pages(urls), newest, FeedFormat.SITEMAP);
        });
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
                    permalink, p.byline(), p.section(), p.firstPublishedAt(), p.updatedAt(), alternates);
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

    private static RenderedFeed write(FeedDocument document, FeedFormat format) {
        byte[] bytes = switch (format) {
            case RSS -> RssWriter.write(document);
            case ATOM -> AtomWriter.write(document);
            case JSON -> JsonFeedWriter.write(document);
            case SITEMAP -> throw new IllegalArgumentException("sitemaps are not feeds");
        };
        return RenderedFeed.of(bytes, document.updated(), format);
    }

    private Permalinks links() {
        return new Permalinks(publicUrl, permalinkTemplate);
    }
}
