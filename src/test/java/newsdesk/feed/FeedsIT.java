package newsdesk.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** feeds.md over HTTP. Each test works in a section of its own, so other tests' stories stay out of its feeds. */
@ExtendWith(NewsdeskServer.class)
class FeedsIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    FeedsIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    private static String newSection() {
        return "section-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String publish(String section, String language, String title, String body) {
        Map<String, Object> story = Stories.story(language, title);
        story.put("section", section);
        story.put("body", body);
        String id = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        stories.publish(editor, id, language).then().statusCode(200);
        return id;
    }

    private Response feed(String language, String format, String section) {
        return desk.anonymous().queryParam("section", section).get("/feeds/" + language + "/" + format);
    }

    private static SyndFeed parse(Response response) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(response.asByteArray())));
    }

    @Test
    void eachFormatHasItsMediaTypeAndCachingHeaders() {
        String section = newSection();
        publish(section, "en", "Headers", "<p>x</p>");
        for (String[] format : new String[][] {{"rss.xml", "application/rss+xml"}, {"atom.xml", "application/atom+xml"},
                {"feed.json", "application/feed+json"}}) {
            feed("en", format[0], section).then().statusCode(200)
                    .contentType(format[1] + ";charset=utf-8")
                    .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[A-Za-z0-9_-]{27}(-gzip)?\""))
                    .header("Last-Modified", org.hamcrest.Matchers.endsWith(" GMT"))
                    .header("Cache-Control", equalTo("public, max-age=60"));
        }
    }

    @Test
    void conditionalGetsAnswer304AndIfNoneMatchWins() {
        String section = newSection();
        publish(section, "en", "Conditional", "<p>x</p>");
        Response first = feed("en", "atom.xml", section);
        String etag = first.header("ETag");

        desk.anonymous().queryParam("section", section).header("If-None-Match", etag).get("/feeds/en/atom.xml")
                .then().statusCode(304).header("ETag", etag).body(equalTo(""));
        desk.anonymous().queryParam("section", section).header("If-None-Match", "W/" + etag).get("/feeds/en/atom.xml")
                .then().statusCode(304);
        // If-None-Match takes precedence: a stale tag is 200 even when If-Modified-Since would say 304.
        desk.anonymous().queryParam("section", section).header("If-None-Match", "\"stale\"")
                .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT").get("/feeds/en/atom.xml")
                .then().statusCode(200);
        desk.anonymous().queryParam("section", section).header("If-Modified-Since", first.header("Last-Modified"))
                .get("/feeds/en/atom.xml").then().statusCode(304);
    }

    @Test
    void publishingCorrectingAndWithdrawingChangeTheFeedAtOnceAndIdsStayStable() throws Exception {
        String section = newSection();
        String id = publish(section, "en", "First version", "<p>x</p>");
        Response published = feed("en", "atom.xml", section);
        SyndEntry entry = parse(published).getEntries().get(0);
        String atomId = entry.getUri();

        // A correction: same id, new title, new ETag, the `updated` moves.
        Instant publishedAt = Instant.parse(desk.as(editor).get(edition(id, "en")).then().extract().path("updatedAt"));
        String correctedAt = desk.as(editor).header("If-Match", stories.etag(editor, id, "en"))
                .body(Map.of("title", "Corrected version", "summary", "s", "body", "<p>y</p>")).put(edition(id, "en"))
                .then().statusCode(200).extract().path("updatedAt");
        assertTrue(Instant.parse(correctedAt).isAfter(publishedAt), correctedAt + " is not after " + publishedAt);
        Response corrected = feed("en", "atom.xml", section);
        assertNotEquals(published.header("ETag"), corrected.header("ETag"));
        SyndEntry after = parse(corrected).getEntries().get(0);
        assertEquals(atomId, after.getUri());
        assertEquals("Corrected version", after.getTitle());
        // Atom dates have whole seconds: the entry's `updated` is the correction's time, not the first publication's.
        assertEquals(Instant.parse(correctedAt).getEpochSecond(), after.getUpdatedDate().toInstant().getEpochSecond());
        assertEquals(publishedAt.getEpochSecond(), entry.getUpdatedDate().toInstant().getEpochSecond());
        // JSON Feed keeps the instant exactly, so there the move is visible even within one second.
        String modified = feed("en", "feed.json", section).then().extract().path("items[0].date_modified");
        assertEquals(Instant.parse(correctedAt), Instant.parse(modified));
        String rssGuid = parse(feed("en", "rss.xml", section)).getEntries().get(0).getUri();
        assertEquals(atomId, rssGuid);

        // A withdrawal: gone from every format, and Atom carries a tombstone with the reason.
        stories.withdraw(editor, id, "en", "Retracted: the quote was fabricated").then().statusCode(200);
        Response withdrawn = feed("en", "atom.xml", section);
        assertNotEquals(corrected.header("ETag"), withdrawn.header("ETag"));
        assertEquals(0, parse(withdrawn).getEntries().size());
        String xml = withdrawn.asString();
        assertTrue(xml.contains("<at:deleted-entry ref=\"" + atomId + "\""), xml);
        assertTrue(xml.contains("Retracted: the quote was fabricated"), xml);
        assertEquals(0, parse(feed("en", "rss.xml", section)).getEntries().size());
        feed("en", "feed.json", section).then().body("items.size()", equalTo(0));
    }

    @Test
    void atomFromTheServerValidatesAndRoundTrips() throws Exception {
        String section = newSection();
        publish(section, "uk", "Tom & Jerry <3 ]]> \"лапки\" 🗞️", "<p>Тіло <a href=\"/relative/path\">лінк</a>"
                + "<img src=\"https://cdn.example.org/a.jpg\" alt=\"a\"></p>");
        Response atom = feed("uk", "atom.xml", section);
        assertEquals(List.of(), FeedWritersTest.validate(atom.asByteArray()), atom.asString());
        SyndFeed feed = parse(atom);
        assertEquals("Tom & Jerry <3 ]]> \"лапки\" 🗞️", feed.getEntries().get(0).getTitle());
        String content = feed.getEntries().get(0).getContents().get(0).getValue();
        assertTrue(content.contains("href=\"https://news.example.org/relative/path\""), content);
        assertFalse(content.contains("href=\"/"), content);
        assertTrue(atom.asString().contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://news.example.org/feeds/uk/atom.xml?section=" + section + "\""), atom.asString());
        SyndFeed rss = parse(feed("uk", "rss.xml", section));
        assertEquals("uk", rss.getLanguage());
        assertEquals("Tom & Jerry <3 ]]> \"лапки\" 🗞️", rss.getEntries().get(0).getTitle());
    }

    @Test
    @SuppressWarnings("unchecked")
    void siblingLanguageLinksAreSymmetricInEveryFormatAndSitemap() throws Exception {
        String section = newSection();
        String id = publish(section, "uk", "Симетрія", "<p>x</p>");
        stories.arrangeTranslation(id, "en", "APPROVED");
        stories.publish(editor, id, "en").then().statusCode(200);

        String ukXml = feed("uk", "atom.xml", section).asString();
        String enXml = feed("en", "atom.xml", section).asString();
        String enPermalink = parse(feed("en", "atom.xml", section)).getEntries().get(0).getLink();
        String ukPermalink = parse(feed("uk", "atom.xml", section)).getEntries().get(0).getLink();
        assertTrue(ukXml.contains("href=\"" + enPermalink + "\" hreflang=\"en\""), ukXml);
        assertTrue(enXml.contains("href=\"" + ukPermalink + "\" hreflang=\"uk\""), enXml);

        // RSS: an atom:link rel="alternate" hreflang per sibling, both ways.
        Map<String, String> ukRss = siblings(feed("uk", "rss.xml", section).asByteArray(), "item");
        Map<String, String> enRss = siblings(feed("en", "rss.xml", section).asByteArray(), "item");
        assertEquals(Map.of("en", enPermalink), ukRss);
        assertEquals(Map.of("uk", ukPermalink), enRss);

        // JSON Feed: the documented _newsdesk extension, both ways.
        Map<String, Object> ukJson = feed("uk", "feed.json", section).then().extract().path("items[0]._newsdesk");
        Map<String, Object> enJson = feed("en", "feed.json", section).then().extract().path("items[0]._newsdesk");
        assertTrue(((String) ukJson.get("about")).startsWith("https://"), ukJson.toString());
        assertEquals(List.of(Map.of("language", "en", "url", enPermalink)), ukJson.get("translations"));
        assertEquals(List.of(Map.of("language", "uk", "url", ukPermalink)), enJson.get("translations"));

        desk.anonymous().get("/sitemaps/articles.xml").then().statusCode(200)
                .body(containsString("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + enPermalink + "\"/>"))
                .body(containsString("<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"" + ukPermalink + "\"/>"));
        // The Google News sitemap: each version lists every language version, itself included.
        byte[] news = desk.anonymous().get("/sitemaps/news.xml").then().statusCode(200)
                .body(containsString("<news:language>uk</news:language>")).extract().asByteArray();
        Map<String, Map<String, String>> versions = sitemapVersions(news);
        Map<String, String> both = Map.of("uk", ukPermalink, "en", enPermalink);
        assertEquals(both, versions.get(ukPermalink), new String(news, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(both, versions.get(enPermalink), new String(news, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void itemsCarryTheSectionAndTheTagsAsCategories() throws Exception {
        String section = newSection();
        Map<String, Object> story = Stories.story("en", "Categorised");
        story.put("section", section);
        story.put("tags", List.of("energy", "winter"));
        String id = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        stories.publish(editor, id, "en").then().statusCode(200);

        List<String> expected = List.of(section, "energy", "winter");
        assertEquals(expected, parse(feed("en", "rss.xml", section)).getEntries().get(0).getCategories().stream()
                .map(c -> c.getName()).toList());
        Response atom = feed("en", "atom.xml", section);
        assertEquals(List.of(), FeedWritersTest.validate(atom.asByteArray()), atom.asString());
        assertEquals(expected, parse(atom).getEntries().get(0).getCategories().stream().map(c -> c.getName()).toList());
        assertEquals(expected, feed("en", "feed.json", section).then().extract().path("items[0].tags"));
    }

    /** hreflang → href of the atom:link rel="alternate" links inside the first {@code element} of an XML feed. */
    static Map<String, String> siblings(byte[] xml, String element) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Element item = (org.w3c.dom.Element) factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml)).getElementsByTagName(element).item(0);
        org.w3c.dom.NodeList links = item.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        Map<String, String> siblings = new java.util.TreeMap<>();
        for (int i = 0; i < links.getLength(); i++) {
            org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(i);
            if (link.getAttribute("rel").equals("alternate")) {
                siblings.put(link.getAttribute("hreflang"), link.getAttribute("href"));
            }
        }
        return siblings;
    }

    /** loc → (hreflang → href) of every url in a sitemap. */
    static Map<String, Map<String, String>> sitemapVersions(byte[] xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.NodeList urls = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        Map<String, Map<String, String>> versions = new java.util.HashMap<>();
        for (int i = 0; i < urls.getLength(); i++) {
            org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
            String loc = url.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc").item(0)
                    .getTextContent();
            org.w3c.dom.NodeList links = url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
            Map<String, String> alternates = new java.util.TreeMap<>();
            for (int j = 0; j < links.getLength(); j++) {
                org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(j);
                alternates.put(link.getAttribute("hreflang"), link.getAttribute("href"));
            }
            versions.put(loc, alternates);
        }
        return versions;
    }

    @Test
    void unknownLanguagesSectionsAndArchivesAre404AndForgedPageCursors422() {
        desk.anonymous().get("/feeds/xx/atom.xml").then().statusCode(404).contentType("application/problem+json");
        desk.anonymous().queryParam("section", "no-such-" + UUID.randomUUID()).get("/feeds/en/rss.xml")
                .then().statusCode(404);
        desk.anonymous().get("/feeds/en/archive/1999-01.xml").then().statusCode(404);
        desk.anonymous().get("/feeds/en/archive/latest.xml").then().statusCode(404);
        for (String forged : List.of("garbage", "2026-11-29T10:00:00Z", "2026-11-29T10:00:00Z|not-a-uuid",
                "+999999999-12-31T00:00:00Z|" + UUID.randomUUID(), "")) {
            for (String format : List.of("atom.xml", "rss.xml", "feed.json")) {
                desk.anonymous().queryParam("before", forged).get("/feeds/en/" + format).then().statusCode(422)
                        .contentType("application/problem+json").body("errors.field", hasItem("before"));
            }
        }
    }

    @Test
    void theMonthStillBeingWrittenIsNoArchive() {
        String section = newSection();
        publish(section, "en", "Not archived yet", "<p>x</p>");
        // The server's clock, which other tests may have moved.
        java.time.YearMonth month = java.time.YearMonth.from(Instant.parse(desk.asAdmin()
                .body(Map.of("advanceSeconds", 0)).post("/api/test/clock").then().statusCode(200)
                .extract().<String>path("now")).atZone(java.time.ZoneOffset.UTC));
        desk.anonymous().get("/feeds/en/archive/" + month + ".xml").then().statusCode(404)
                .contentType("application/problem+json");
        desk.anonymous().get("/feeds/en/archive/" + month.plusMonths(1) + ".xml").then().statusCode(404);
        String xml = desk.anonymous().get("/feeds/en/atom.xml").asString();
        assertFalse(xml.contains("/archive/" + month + ".xml"), xml);
    }

    @Test
    void hubLinksAndPingsAnnounceChanges() throws Exception {
        String section = newSection();
        feed("en", "atom.xml", section).then().statusCode(404);
        publish(section, "en", "Announced", "<p>x</p>");
        Response atom = feed("en", "atom.xml", section);
        assertTrue(atom.headers().getValues("Link").contains("<" + desk.hub().url() + ">; rel=\"hub\""),
                atom.headers().getValues("Link").toString());
        assertTrue(atom.asString().contains("rel=\"hub\""), atom.asString());
        feed("en", "feed.json", section).then().body("hubs[0].type", equalTo("WebSub"))
                .body("hubs[0].url", equalTo(desk.hub().url()));

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!desk.hub().pinged().contains("https://news.example.org/feeds/en/atom.xml") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(desk.hub().pinged().contains("https://news.example.org/feeds/en/atom.xml"), desk.hub().pinged().toString());
        assertTrue(desk.hub().pinged().contains("https://news.example.org/feeds/en/rss.xml"), desk.hub().pinged().toString());
    }

    /** newsdesk.feed.staleness.seconds' default, the bound README states. */
    private static final java.time.Duration STALENESS = java.time.Duration.ofSeconds(5);
    private static final String LISTENERS = "FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = '" + ReadersListener.APPLICATION_NAME + "'";

    @Test
    void aPublicationOnOneInstanceReachesTheOthersFeedWithinTheBoundEvenWhenItsListeningConnectionIsKilled()
            throws Exception {
        String section = newSection();
        publish(section, "en", "Warm-up", "<p>x</p>");
        try (ServerProcess second = ServerProcess.start("feeds-second", Map.of(
                "NEWSDESK_DB_URL", desk.database().url(),
                "NEWSDESK_PUBLIC_URL", "https://news.example.org",
                "NEWSDESK_DATA_DIR", Path.of("target", "it", "feeds-second-" + desk.database().name()).toString()))) {
            String other = second.baseUri().toString();
            awaitListeners(2);
            // The second instance caches the feed and the site's list…
            for (String path : READER_PATHS) {
                io.restassured.RestAssured.given().baseUri(other).queryParam("section", section).get(path)
                        .then().statusCode(200).body(not(containsString("Fresh news")));
            }
            // …and the publication made through the first one is in its answers within the bound.
            publish(section, "en", "Fresh news", "<p>x</p>");
            assertVisibleWithinBound(other, section, "Fresh news");

            // Both instances lose their listening connection; a publication still shows within the bound…
            Object killed = desk.database().value("SELECT count(pg_terminate_backend(pid)) " + LISTENERS);
            assertEquals(2L, ((Number) killed).longValue(), "both instances listen on a connection of their own");
            publish(section, "en", "Unheard news", "<p>x</p>");
            assertVisibleWithinBound(other, section, "Unheard news");
            // …and both listen again, hearing the next one.
            awaitListeners(2);
            publish(section, "en", "Heard again", "<p>x</p>");
            assertVisibleWithinBound(other, section, "Heard again");
        }
    }

    private void awaitListeners(int instances) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String sql = "SELECT count(*) " + LISTENERS;
        while (((Number) desk.database().value(sql)).intValue() < instances && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(instances, ((Number) desk.database().value(sql)).intValue(), "instances listening");
    }

    /** What readers get from memory on every instance: the feed and the site's JSON list (one bound for both). */
    private static final List<String> READER_PATHS = List.of("/feeds/en/atom.xml", "/public/en/articles");

    private static void assertVisibleWithinBound(String baseUri, String section, String title) throws Exception {
        long start = System.nanoTime();
        long deadline = start + STALENESS.toNanos();
        List<String> missing;
        do {
            missing = READER_PATHS.stream().filter(path -> !io.restassured.RestAssured.given().baseUri(baseUri)
                    .queryParam("section", section).get(path).then().statusCode(200).extract().asString()
                    .contains(title)).toList();
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("\"" + title + "\" not in the other instance's " + missing + " "
                + STALENESS.toMillis() + " ms after its publication returned");
    }
}
