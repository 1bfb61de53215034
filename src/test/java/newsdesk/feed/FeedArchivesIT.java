package newsdesk.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 5005 on a server of its own whose clock moves from one month into the next two: only closed months
 * are archives (long-lived, marked fh:archive, linked prev/next without ever naming the current month), and
 * the month still being written is reached through the subscription document's own pages.
 */
class FeedArchivesIT {

    private static final String BASE = "https://news.example.org";

    @Test
    void closedMonthsAreArchivesAndTheCurrentMonthIsPaged() throws Exception {
        try (Desk.OwnServer server = new Desk.OwnServer("feed-archives", Map.of(
                "NEWSDESK_PUBLIC_URL", BASE,
                "NEWSDESK_FEED_PAGE_SIZE", "2",
                // The clock moves by weeks: tokens must outlive that.
                "NEWSDESK_TOKENS_TTL_HOURS", "100000"))) {
            Desk desk = server.desk();
            Stories stories = new Stories(desk);
            Desk.Person editor = desk.newEditor();

            YearMonth first = YearMonth.from(now(server).atZone(ZoneOffset.UTC));
            List<String> firstMonth = List.of(publish(desk, stories, editor, "First month one"),
                    publish(desk, stories, editor, "First month two"));

            // Nothing is closed yet: no archive, no prev-archive.
            problem(desk.anonymous().get(archive(first)), 404);
            problem(desk.anonymous().get(archive(first.plusMonths(1))), 404);
            assertEquals(Optional.empty(), link(parse(desk.anonymous().get("/feeds/en/atom.xml")), "prev-archive"));

            YearMonth second = first.plusMonths(1);
            moveInto(server, second);
            List<String> secondMonth = List.of(publish(desk, stories, editor, "Second month one"),
                    publish(desk, stories, editor, "Second month two"), publish(desk, stories, editor, "Second month three"));

            // The subscription document: the newest page, paged back to the start of the month, then the archive.
            Response atom = desk.anonymous().get("/feeds/en/atom.xml");
            assertEquals(List.of(), FeedWritersTest.validate(atom.asByteArray()), atom.asString());
            SyndFeed page1 = parse(atom);
            assertEquals(List.of(secondMonth.get(2), secondMonth.get(1)), titles(page1));
            assertEquals(Optional.of(BASE + archive(first)), link(page1, "prev-archive"));
            String next = link(page1, "next").orElseThrow();
            assertTrue(next.startsWith(BASE + "/feeds/en/atom.xml?before="), next);
            Response page2Response = desk.anonymous().urlEncodingEnabled(false).get(next.substring(BASE.length()));
            page2Response.then().statusCode(200).contentType("application/atom+xml;charset=utf-8")
                    .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[A-Za-z0-9_-]{27}(-gzip)?\""));
            assertEquals(List.of(), FeedWritersTest.validate(page2Response.asByteArray()), page2Response.asString());
            SyndFeed page2 = parse(page2Response);
            // Only this month's third story: the first month's are in the archive, not on another page.
            assertEquals(List.of(secondMonth.get(0)), titles(page2));
            assertEquals(Optional.empty(), link(page2, "next"));
            assertEquals(Optional.of(BASE + "/feeds/en/atom.xml"), link(page2, "first"));
            assertEquals(Optional.of(BASE + archive(first)), link(page2, "prev-archive"));
            desk.anonymous().urlEncodingEnabled(false).header("If-None-Match", page2Response.header("ETag"))
                    .get(next.substring(BASE.length())).then().statusCode(304);

            // A section feed pages the same way (every story here is in section "news"), without archive links.
            SyndFeed sectionPage = parse(desk.anonymous().queryParam("section", "news").get("/feeds/en/atom.xml"));
            String sectionNext = link(sectionPage, "next").orElseThrow();
            assertTrue(sectionNext.startsWith(BASE + "/feeds/en/atom.xml?section=news&before="), sectionNext);
            assertEquals(Optional.empty(), link(sectionPage, "prev-archive"));
            assertEquals(List.of(secondMonth.get(0)),
                    titles(parse(desk.anonymous().urlEncodingEnabled(false).get(sectionNext.substring(BASE.length())))));

            // RSS and JSON Feed page the same way.
            String rssXml = desk.anonymous().get("/feeds/en/rss.xml").asString();
            java.util.regex.Matcher rssNext = java.util.regex.Pattern.compile(
                    "<atom:link href=\"([^\"]+)\" rel=\"next\" type=\"application/rss\\+xml\"").matcher(rssXml);
            assertTrue(rssNext.find(), rssXml);
            String rssPage = rssNext.group(1).replace("&amp;", "&");
            assertTrue(rssPage.startsWith(BASE + "/feeds/en/rss.xml?before="), rssPage);
            assertEquals(List.of(secondMonth.get(0)),
                    titles(parse(desk.anonymous().urlEncodingEnabled(false).get(rssPage.substring(BASE.length())))));
            String jsonNext = desk.anonymous().get("/feeds/en/feed.json").then().extract().path("next_url");
            assertTrue(jsonNext.startsWith(BASE + "/feeds/en/feed.json?before="), jsonNext);
            desk.anonymous().urlEncodingEnabled(false).get(jsonNext.substring(BASE.length())).then().statusCode(200)
                    .body("items.title", equalTo(List.of(secondMonth.get(0))))
                    .body("next_url", equalTo(null));

            // The month being written is no archive; the closed one is, for a long time.
            problem(desk.anonymous().get(archive(second)), 404);
            Response closed = desk.anonymous().get(archive(first));
            closed.then().statusCode(200).contentType("application/atom+xml;charset=utf-8")
                    .header("Cache-Control", equalTo("public, max-age=86400"))
                    .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[A-Za-z0-9_-]{27}(-gzip)?\""));
            assertEquals(List.of(), FeedWritersTest.validate(closed.asByteArray()), closed.asString());
            assertTrue(closed.asString().contains("<fh:archive"), closed.asString());
            SyndFeed firstArchive = parse(closed);
            assertEquals(List.of(firstMonth.get(1), firstMonth.get(0)), titles(firstArchive));
            assertEquals(Optional.of(BASE + "/feeds/en/atom.xml"), link(firstArchive, "current"));
            assertEquals(Optional.empty(), link(firstArchive, "prev-archive"));
            // The second month has publications, but it is still being written: never a next-archive.
            assertEquals(Optional.empty(), link(firstArchive, "next-archive"));
            desk.anonymous().header("If-None-Match", closed.header("ETag")).get(archive(first)).then().statusCode(304)
                    .header("Cache-Control", equalTo("public, max-age=86400"));

            // Once the second month closes, it becomes an archive and the links move with it.
            YearMonth third = second.plusMonths(1);
            moveInto(server, third);
            assertEquals(Optional.of(BASE + archive(second)),
                    link(parse(desk.anonymous().get("/feeds/en/atom.xml")), "prev-archive"));
            assertEquals(Optional.of(BASE + archive(second)),
                    link(parse(desk.anonymous().get(archive(first))), "next-archive"));
            Response secondArchive = desk.anonymous().get(archive(second));
            secondArchive.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=86400"));
            SyndFeed secondFeed = parse(secondArchive);
            assertEquals(List.of(secondMonth.get(2), secondMonth.get(1), secondMonth.get(0)), titles(secondFeed));
            assertEquals(Optional.of(BASE + archive(first)), link(secondFeed, "prev-archive"));
            assertEquals(Optional.empty(), link(secondFeed, "next-archive"));
            problem(desk.anonymous().get(archive(third)), 404);
            // The new month has no publications yet: the first page shows the newest, and nothing pages back.
            assertEquals(Optional.empty(), link(parse(desk.anonymous().get("/feeds/en/atom.xml")), "next"));
            // A page link from a month since closed: an empty page that leads to the archives.
            SyndFeed stale = parse(desk.anonymous().urlEncodingEnabled(false).get(next.substring(BASE.length())));
            assertEquals(List.of(), titles(stale));
            assertEquals(Optional.of(BASE + archive(second)), link(stale, "prev-archive"));
        }
    }

    private static String publish(Desk desk, Stories stories, Desk.Person editor, String title) {
        String id = desk.as(editor).body(Stories.story("en", title)).post("/api/articles").then().statusCode(201)
                .extract().path("id");
        stories.publish(editor, id, "en").then().statusCode(200);
        return title;
    }

    private static Instant now(Desk.OwnServer server) {
        return Instant.parse(server.desk().asAdmin().body(Map.of("advanceSeconds", 0)).post("/api/test/clock")
                .then().statusCode(200).extract().path("now"));
    }

    /** Moves the server's clock to an hour into {@code month}. */
    private static void moveInto(Desk.OwnServer server, YearMonth month) {
        Instant target = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(1));
        server.advanceClock(Duration.between(now(server), target).getSeconds());
    }

    private static String archive(YearMonth month) {
        return "/feeds/en/archive/" + month + ".xml";
    }

    private static void problem(Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json");
    }

    private static SyndFeed parse(Response response) throws Exception {
        response.then().statusCode(200);
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(response.asByteArray())));
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    private static Optional<String> link(SyndFeed feed, String rel) {
        return feed.getLinks().stream().filter(l -> rel.equals(l.getRel())).map(SyndLink::getHref).findFirst();
    }
}
