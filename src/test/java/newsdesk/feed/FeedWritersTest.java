package newsdesk.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed writers against feeds.md, without a server: schema, round trips through Rome, dates, escaping. */
class FeedWritersTest {

    private static final String NASTY_TITLE = "Tom & Jerry <3 ]]> \"quoted\" 'single' 🗞️ Київ\u0001\u000B";
    private static final String ABOUT = "https://example.org/docs#json-feed-extension";
    private Locale before;

    @BeforeEach
    void ukrainianDefaultLocale() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("uk-UA"));
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    static FeedDocument document(boolean archive, List<Tombstone> tombstones) {
        FeedEntry first = new FeedEntry("urn:uuid:11111111-1111-1111-1111-111111111111", "uk", NASTY_TITLE,
                "Підсумок & <b>not bold</b>", "<p>Текст з <a href=\"https://example.org/a\">посиланням</a></p>",
                "https://example.org/uk/2026/11/29/kyiv", "Олена Коваль", "news", List.of("energy", "news", "winter & heat"),
                Instant.parse("2026-11-29T10:15:30Z"), Instant.parse("2026-11-29T11:00:00Z"),
                List.of(new FeedEntry.Alternate("en", "https://example.org/en/2026/11/29/kyiv-en")));
        FeedEntry second = new FeedEntry("urn:uuid:22222222-2222-2222-2222-222222222222", "uk", "Друга новина",
                "Коротко", "<p>Ще</p>", "https://example.org/uk/2026/10/02/druga", "Редакція", "news", List.of(),
                Instant.parse("2026-10-02T15:00:00Z"), Instant.parse("2026-10-02T15:00:00Z"), List.of());
        return new FeedDocument("urn:uuid:33333333-3333-3333-3333-333333333333", "uk", "Newsdesk — Українська",
                "Новини українською", "https://example.org/feeds/uk/atom.xml", "https://example.org/uk",
                "https://hub.example.org/", Instant.parse("2026-11-29T11:00:00Z"), List.of(first, second), tombstones,
                new FeedDocument.Archive(archive, archive ? "https://example.org/feeds/uk/atom.xml" : null,
                        "https://example.org/feeds/uk/archive/2026-10.xml", null),
                archive ? null : new FeedDocument.Paging(null, "https://example.org/feeds/uk/atom.xml?before=x"));
    }

    @Test
    void atomValidatesAgainstTheRfc4287Schema() throws Exception {
        List<Tombstone> tombstones = List.of(new Tombstone("urn:uuid:44444444-4444-4444-4444-444444444444",
                Instant.parse("2026-11-29T12:00:00Z"), "Retracted & removed", "https://example.org/uk/x"));
        for (FeedDocument document : List.of(document(false, List.of()), document(true, tombstones))) {
            byte[] atom = AtomWriter.write(document);
            assertEquals(List.of(), validate(atom), new String(atom, StandardCharsets.UTF_8));
            String xml = new String(atom, StandardCharsets.UTF_8);
            // The two rules RELAX NG can't express: an author for every entry, content or an alternate link.
            assertTrue(xml.contains("<author><name>Newsdesk — Українська</name></author>"), xml);
            assertTrue(count(xml, "<content type=\"html\">") == 2, xml);
            assertTrue(xml.contains("xml:lang=\"uk\""), xml);
            assertEquals(3, count(xml, "xml:lang=\"uk\""), "on the feed and on each entry: " + xml);
        }
    }

    @Test
    void atomCarriesTombstonesAndTheArchiveMarker() {
        List<Tombstone> tombstones = List.of(new Tombstone("urn:uuid:44444444-4444-4444-4444-444444444444",
                Instant.parse("2026-11-29T12:00:00Z"), "Retracted & removed", null));
        String xml = new String(AtomWriter.write(document(true, tombstones)), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<at:deleted-entry ref=\"urn:uuid:44444444-4444-4444-4444-444444444444\" when=\"2026-11-29T12:00:00Z\">"), xml);
        assertTrue(xml.contains("<at:comment>Retracted &amp; removed</at:comment>"), xml);
        assertTrue(xml.contains("<fh:archive"), xml);
        assertTrue(xml.contains("rel=\"prev-archive\""), xml);
        assertTrue(xml.contains("rel=\"current\""), xml);
    }

    @Test
    void atomRoundTripsThroughRome() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(
                AtomWriter.write(document(false, List.of())))));
        SyndEntry entry = feed.getEntries().get(0);
        assertEquals("Tom & Jerry <3 ]]> \"quoted\" 'single' 🗞️ Київ", entry.getTitle());
        assertEquals("urn:uuid:11111111-1111-1111-1111-111111111111", entry.getUri());
        assertEquals("https://example.org/uk/2026/11/29/kyiv", entry.getLink());
        assertEquals(2, entry.getLinks().size());
        assertEquals(Instant.parse("2026-11-29T10:15:30Z"), entry.getPublishedDate().toInstant());
    }

    @Test
    void rssRoundTripsThroughRomeWithEnglishDatesAndNoDublinCore() throws Exception {
        byte[] rss = RssWriter.write(document(false, List.of()));
        String xml = new String(rss, StandardCharsets.UTF_8);
        assertFalse(xml.contains("dc:"), xml);
        assertTrue(xml.contains("<language>uk</language>"), xml);
        assertTrue(xml.contains("<atom:link href=\"https://example.org/feeds/uk/atom.xml\" rel=\"self\" type=\"application/rss+xml\""), xml);
        assertTrue(xml.contains("<guid isPermaLink=\"false\">urn:uuid:11111111-1111-1111-1111-111111111111</guid>"), xml);
        Pattern rfc822 = Pattern.compile("<pubDate>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
                + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|[+-]\\d{4})</pubDate>");
        assertEquals(2, rfc822.matcher(xml).results().count(), xml);
        assertTrue(xml.contains("<pubDate>Sun, 29 Nov 2026 10:15:30 GMT</pubDate>"), xml);

        SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(rss)));
        assertEquals("Tom & Jerry <3 ]]> \"quoted\" 'single' 🗞️ Київ", feed.getEntries().get(0).getTitle());
        assertEquals("uk", feed.getLanguage());
    }

    @Test
    void jsonFeedHasTheRequiredMembers() {
        String json = new String(JsonFeedWriter.write(document(false, List.of()), ABOUT), StandardCharsets.UTF_8);
        for (String member : new String[] {"\"version\":\"https://jsonfeed.org/version/1.1\"", "\"home_page_url\"",
                "\"feed_url\"", "\"content_html\"", "\"date_published\":\"2026-11-29T10:15:30Z\"", "\"date_modified\"",
                "\"authors\":[{\"name\":\"Олена Коваль\"}]", "\"language\":\"uk\"",
                "\"id\":\"urn:uuid:11111111-1111-1111-1111-111111111111\""}) {
            assertTrue(json.contains(member), member + " in " + json);
        }
    }

    @Test
    void atomCarriesCategoriesAndPagingLinks() {
        String xml = new String(AtomWriter.write(document(false, List.of())), StandardCharsets.UTF_8);
        // The section, then the tags, each once per entry.
        assertEquals(2, count(xml, "<category term=\"news\" />") + count(xml, "<category term=\"news\"/>"), xml);
        assertTrue(xml.contains("term=\"energy\""), xml);
        assertTrue(xml.contains("term=\"winter &amp; heat\""), xml);
        assertTrue(xml.contains("rel=\"next\" type=\"application/atom+xml\" href=\"https://example.org/feeds/uk/atom.xml?before=x\""), xml);
    }

    @Test
    void rssItemsLinkTheirSiblingsAndCarryCategories() throws Exception {
        byte[] rss = RssWriter.write(document(false, List.of()));
        String xml = new String(rss, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<atom:link rel=\"alternate\" type=\"text/html\" hreflang=\"en\" "
                + "href=\"https://example.org/en/2026/11/29/kyiv-en\""), xml);
        assertEquals(1, count(xml, "hreflang="), "only the first item has a sibling: " + xml);
        assertTrue(xml.contains("<atom:link href=\"https://example.org/feeds/uk/atom.xml?before=x\" rel=\"next\""), xml);
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(rss)));
        assertEquals(List.of("news", "energy", "winter & heat"),
                feed.getEntries().get(0).getCategories().stream().map(c -> c.getName()).toList());
        assertEquals(List.of("news"), feed.getEntries().get(1).getCategories().stream().map(c -> c.getName()).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonFeedItemsCarryTagsTheNewsdeskExtensionAndTheNextPage() {
        String json = new String(JsonFeedWriter.write(document(false, List.of()), ABOUT), StandardCharsets.UTF_8);
        Map<String, Object> feed = JsonbBuilder.create().fromJson(json, Map.class);
        assertEquals("https://example.org/feeds/uk/atom.xml?before=x", feed.get("next_url"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) feed.get("items");
        assertEquals(List.of("news", "energy", "winter & heat"), items.get(0).get("tags"));
        assertEquals(Map.of("about", ABOUT, "translations",
                List.of(Map.of("language", "en", "url", "https://example.org/en/2026/11/29/kyiv-en"))),
                items.get(0).get("_newsdesk"));
        assertEquals(Map.of("about", ABOUT, "translations", List.of()), items.get(1).get("_newsdesk"));
    }

    @Test
    void newsSitemapListsEveryLanguageVersionItselfIncluded() {
        List<SitemapWriter.Alternate> versions = List.of(new SitemapWriter.Alternate("en", "https://example.org/en/a"),
                new SitemapWriter.Alternate("uk", "https://example.org/uk/a"));
        String xml = new String(SitemapWriter.news("Newsdesk", List.of(
                new SitemapWriter.NewsUrl("https://example.org/uk/a", "uk", Instant.parse("2026-11-29T10:00:00Z"),
                        "Заголовок", versions),
                new SitemapWriter.NewsUrl("https://example.org/en/a", "en", Instant.parse("2026-11-29T11:00:00Z"),
                        "Headline", versions))), StandardCharsets.UTF_8);
        assertTrue(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""), xml);
        assertEquals(2, count(xml, "<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"https://example.org/uk/a\"/>"), xml);
        assertEquals(2, count(xml, "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/a\"/>"), xml);
    }

    static List<String> validate(byte[] atom) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try (var schema = FeedWritersTest.class.getResourceAsStream("/atom.rnc")) {
            InputSource source = new InputSource(schema);
            source.setSystemId(FeedWritersTest.class.getResource("/atom.rnc").toString());
            if (!driver.loadSchema(source)) {
                throw new IllegalStateException("the Atom schema did not load: " + errors);
            }
        }
        driver.validate(new InputSource(new ByteArrayInputStream(atom)));
        return errors;
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
