package newsdesk.feed;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with JSON-B. Sibling language versions go in the
 * {@code _newsdesk} extension object of each item (JSON Feed's extension rules: a key starting with an
 * underscore, an {@code about} URL to its documentation — the README's "JSON Feed extension" section).
 */
final class JsonFeedWriter {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private JsonFeedWriter() {
    }

    public record Author(String name) {
    }

    public record Translation(String language, String url) {
    }

    public record Extension(String about, List<Translation> translations) {
    }

    public record Item(String id, String url, String title, @JsonbProperty("content_html") String contentHtml, String summary,
                @JsonbProperty("date_published") Instant datePublished,
                @JsonbProperty("date_modified") Instant dateModified, List<Author> authors, String language,
                List<String> tags, @JsonbProperty("_newsdesk") Extension newsdesk) {
    }

    public record Hub(String type, String url) {
    }

    public record Feed(String version, String title, @JsonbProperty("home_page_url") String homePageUrl,
                @JsonbProperty("feed_url") String feedUrl, @JsonbProperty("next_url") String nextUrl,
                String description, String language, List<Hub> hubs, List<Item> items) {
    }

    static byte[] write(FeedDocument document, String extensionAbout) {
        List<Item> items = document.entries().stream().map(e -> new Item(e.id(), e.permalink(), e.title(),
                e.contentHtml(), e.summary(), e.published(), e.updated(), List.of(new Author(e.author())), e.language(),
                e.categories().isEmpty() ? null : e.categories(),
                new Extension(extensionAbout, e.alternates().stream()
                        .map(a -> new Translation(a.language(), a.permalink())).toList()))).toList();
        Feed feed = new Feed("https://jsonfeed.org/version/1.1", document.title(), document.siteUrl(),
                document.selfUrl(), document.paging() == null ? null : document.paging().next(), document.description(),
                document.language(), document.hubUrl() == null ? null : List.of(new Hub("WebSub", document.hubUrl())),
                items);
        return JSON.toJson(feed).getBytes(StandardCharsets.UTF_8);
    }
}
