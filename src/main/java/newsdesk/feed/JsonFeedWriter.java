package newsdesk.feed;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with JSON-B. */
final class JsonFeedWriter {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private JsonFeedWriter() {
    }

    public record Author(String name) {
    }

    public record Item(String id, String url, String title, @JsonbProperty("content_html") String contentHtml, String summary,
                @JsonbProperty("date_published") Instant datePublished,
                @JsonbProperty("date_modified") Instant dateModified, List<Author> authors, String language,
                List<String> tags) {
    }

    public record Hub(String type, String url) {
    }

    public record Feed(String version, String title, @JsonbProperty("home_page_url") String homePageUrl,
                @JsonbProperty("feed_url") String feedUrl, String description, String language, List<Hub> hubs,
                List<Item> items) {
    }

    static byte[] write(FeedDocument document) {
        List<Item> items = document.entries().stream().map(e -> new Item(e.id(), e.permalink(), e.title(),
                e.contentHtml(), e.summary(), e.published(), e.updated(), List.of(new Author(e.author())), e.language(),
                e.section() == null ? null : List.of(e.section()))).toList();
        Feed feed = new Feed("https://jsonfeed.org/version/1.1", document.title(), document.siteUrl(),
                document.selfUrl(), document.description(), document.language(),
                document.hubUrl() == null ? null : List.of(new Hub("WebSub", document.hubUrl())), items);
        return JSON.toJson(feed).getBytes(StandardCharsets.UTF_8);
    }
}
