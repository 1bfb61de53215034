package newsdesk.site;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site's read API over HTTP: GET /public/{lang}/articles and /public/{lang}/articles/{slug}. Each test
 * publishes into a section (or tag) of its own, so other tests' stories stay out of its lists.
 */
@ExtendWith(NewsdeskServer.class)
class PublicArticlesIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;
    private final Desk.Person translator;
    private final Desk.Person reviewer;

    PublicArticlesIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
        this.translator = desk.newTranslator("uk", "en", "ru");
        this.reviewer = desk.newPerson(List.of("REVIEWER"), "uk", "en", "ru");
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A story written and published in {@code language}; returns its id. */
    private String publish(String language, String section, List<String> tags, String title) {
        Map<String, Object> story = Stories.story(language, title);
        story.put("section", section);
        story.put("tags", tags);
        String id = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        stories.publish(editor, id, language).then().statusCode(200);
        return id;
    }

    /** The story translated, approved and published in {@code language}, the way the desk does it. */
    private void translate(String id, String language, String title) {
        String task = desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + id + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(translator).post("/api/tasks/" + task + "/claim").then().statusCode(200);
        desk.as(translator).body(Stories.text(title, "<p>" + title + "</p>")).post("/api/tasks/" + task + "/submit")
                .then().statusCode(200);
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + task + "/approve").then().statusCode(200);
        stories.publish(editor, id, language).then().statusCode(200);
    }

    private String slug(String id, String language) {
        return desk.as(editor).get(edition(id, language)).then().statusCode(200).extract().path("slug");
    }

    private Response list(String language, Map<String, ?> query) {
        return desk.anonymous().queryParams(query).get("/public/" + language + "/articles");
    }

    private static List<String> slugs(Response page) {
        return page.then().statusCode(200).extract().path("items.slug");
    }

    @Test
    void aLanguagesStoriesNewestFirstWithTheirSiblingsInTheOtherLanguages() {
        String section = unique("front");
        String kyiv = publish("uk", section, List.of("winter", "kyiv"), "Київ готується до зими");
        translate(kyiv, "en", "Kyiv prepares for winter");
        translate(kyiv, "ru", "Киев готовится к зиме");
        String london = publish("en", section, List.of("weather"), "London expects snow");
        desk.as(editor).body(Stories.story("uk", "Чернетка")).post("/api/articles").then().statusCode(201);

        Response uk = list("uk", Map.of("section", section));
        uk.then().statusCode(200).header("Content-Type", startsWith("application/json"))
                .body("items.size()", equalTo(1)).body("nextCursor", nullValue())
                .body("items[0].title", equalTo("Київ готується до зими"))
                .body("items[0].summary", equalTo("Summary of Київ готується до зими"))
                .body("items[0].slug", equalTo(slug(kyiv, "uk")))
                .body("items[0].section", equalTo(section))
                .body("items[0].tags", equalTo(List.of("winter", "kyiv")))
                .body("items[0].byline", equalTo("Олена Коваль"))
                .body("items[0].alternates.language", equalTo(List.of("en", "ru")))
                .body("items[0].alternates.slug", equalTo(List.of(slug(kyiv, "en"), slug(kyiv, "ru"))));
        assertFalse(uk.asString().contains("\"body\""), "a list carries no body text: " + uk.asString());
        assertTrue(uk.asString().contains("\"nextCursor\":null"), uk.asString());
        Map<String, Object> card = uk.path("items[0]");
        String published = DateTimeFormatter.ofPattern("yyyy/MM/dd").format(
                Instant.parse((String) card.get("publishedAt")).atZone(ZoneOffset.UTC));
        assertEquals("https://news.example.org/uk/" + published + "/" + slug(kyiv, "uk"), card.get("url"));
        assertNotNull(card.get("updatedAt"));
        // The permalink is the feeds' own.
        assertEquals(desk.anonymous().queryParam("section", section).get("/feeds/uk/feed.json").path("items[0].url"),
                card.get("url"));

        // Newest first publication first: London went out after the English Kyiv story.
        List<String> en = slugs(list("en", Map.of("section", section)));
        assertEquals(List.of(slug(london, "en"), slug(kyiv, "en")), en);

        // Siblings are symmetric: each language's version names every other one, with the URL its own list gives.
        Map<String, String> urls = Map.of(
                "uk", card.get("url").toString(),
                "en", list("en", Map.of("section", section)).path("items[1].url"),
                "ru", list("ru", Map.of("section", section)).path("items[0].url"));
        for (String language : List.of("uk", "en", "ru")) {
            Response page = desk.anonymous().get("/public/" + language + "/articles/" + slug(kyiv, language));
            page.then().statusCode(200).body("url", equalTo(urls.get(language))).body("body", notNullValue());
            List<Map<String, String>> alternates = page.path("alternates");
            assertEquals(2, alternates.size(), page.asString());
            for (Map<String, String> alternate : alternates) {
                assertNotEquals(language, alternate.get("language"));
                assertEquals(slug(kyiv, alternate.get("language")), alternate.get("slug"));
                assertEquals(urls.get(alternate.get("language")), alternate.get("url"));
            }
        }
    }

    @Test
    void filtersBySectionAndByTag() {
        String section = unique("sport");
        String tag = unique("tag");
        String both = publish("uk", section, List.of(tag, "football"), "Динамо виграло");
        String sectionOnly = publish("uk", section, List.of("football"), "Шахтар програв");
        String tagOnly = publish("uk", unique("elsewhere"), List.of(tag), "Збірна збирається");

        assertEquals(List.of(slug(sectionOnly, "uk"), slug(both, "uk")), slugs(list("uk", Map.of("section", section))));
        assertEquals(List.of(slug(tagOnly, "uk"), slug(both, "uk")), slugs(list("uk", Map.of("tag", tag))));
        assertEquals(List.of(slug(both, "uk")), slugs(list("uk", Map.of("section", section, "tag", tag))));
        list("uk", Map.of("section", section, "tag", unique("none"))).then().statusCode(200)
                .body("items", equalTo(List.of())).body("nextCursor", nullValue());
        // Another language's list doesn't hold them.
        list("en", Map.of("tag", tag)).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void pagingWithCursorsNeitherRepeatsNorSkipsWhileStoriesArePublished() {
        String section = unique("paged");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            published.add(0, slug(publish("en", section, List.of(), "Story number " + i + " " + UUID.randomUUID()), "en"));
        }

        Response first = list("en", Map.of("section", section, "limit", 3));
        assertEquals(published.subList(0, 3), slugs(first));
        List<String> seen = new ArrayList<>(slugs(first));
        String late = slug(publish("en", section, List.of(), "Published while the reader pages"), "en");

        Response page = first;
        int pages = 1;
        while (page.path("nextCursor") != null) {
            String link = page.header("Link");
            assertNotNull(link, "a page with a next cursor links to the next page");
            Matcher next = NEXT.matcher(link);
            assertTrue(next.matches(), link);
            String url = next.group(1);
            assertTrue(url.startsWith("https://news.example.org/public/en/articles?section=" + section + "&limit=3&cursor="),
                    url);
            assertTrue(url.endsWith("cursor=" + page.path("nextCursor")), url);
            page = desk.anonymous().urlEncodingEnabled(false).get(url.substring("https://news.example.org".length()));
            seen.addAll(slugs(page));
            pages++;
        }
        assertNull(page.header("Link"), "the last page links nowhere");
        assertEquals(3, pages);
        assertEquals(published, seen, "every story once, in order, and none published after the first page");
        assertEquals(late, slugs(list("en", Map.of("section", section, "limit", 3))).get(0));
    }

    @Test
    void twentyStoriesAPageUnlessAskedAndAtMostAHundred() {
        String tag = unique("many");
        for (int i = 0; i < 21; i++) {
            publish("ru", unique("s"), List.of(tag), "Новость " + i + " " + UUID.randomUUID());
        }
        Response first = list("ru", Map.of("tag", tag));
        assertEquals(20, slugs(first).size());
        assertEquals(1, slugs(list("ru", Map.of("tag", tag, "cursor", first.path("nextCursor")))).size());
        assertEquals(21, slugs(list("ru", Map.of("tag", tag, "limit", 100))).size());
    }

    @Test
    void badLimitsCursorsAndLanguagesAreProblems() {
        for (String limit : List.of("0", "-1", "101")) {
            list("uk", Map.of("limit", limit)).then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
        }
        for (String limit : List.of("abc", "99999999999")) {
            list("uk", Map.of("limit", limit)).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
        }
        String id = UUID.randomUUID().toString();
        for (String key : List.of("garbage", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z|not-an-id",
                "+999999999-12-31T23:59:59Z|" + id, "2026-01-01T00:00:00Z|" + id + "|more")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes());
            list("uk", Map.of("cursor", cursor)).then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("cursor"));
        }
        list("uk", Map.of("cursor", "!!!not base64")).then().statusCode(422).body("errors.field", hasItem("cursor"));

        desk.anonymous().get("/public/zz/articles").then().statusCode(404).contentType("application/problem+json");
        String disabled = desk.newLanguage();
        desk.anonymous().get("/public/" + disabled + "/articles").then().statusCode(200).body("items", equalTo(List.of()));
        desk.asAdmin().header("If-Match", "\"1\"").body(Map.of("name", "Switched off", "enabled", false))
                .put("/api/languages/" + disabled).then().statusCode(200);
        desk.anonymous().get("/public/" + disabled + "/articles").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void cacheableLikeTheFeedsAndChangedAtOnceByAPublication() {
        String section = unique("cached");
        String id = publish("uk", section, List.of(), "Перша новина");
        String path = "/public/uk/articles/" + slug(id, "uk");

        for (String url : List.of("/public/uk/articles?section=" + section, path)) {
            Response first = desk.anonymous().urlEncodingEnabled(false).get(url);
            first.then().statusCode(200)
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{27}(-gzip)?\""))
                    .header("Cache-Control", equalTo("public, max-age=60"))
                    .header("Last-Modified", matchesPattern(".* GMT"));
            Response again = desk.anonymous().urlEncodingEnabled(false).get(url);
            assertEquals(first.header("ETag"), again.header("ETag"));
            assertEquals(first.asString(), again.asString());
            Response notModified = desk.anonymous().urlEncodingEnabled(false)
                    .header("If-None-Match", first.header("ETag")).get(url);
            notModified.then().statusCode(304).header("ETag", equalTo(first.header("ETag")));
            assertEquals("", notModified.asString());
        }

        // A new story in the section: the list's old ETag no longer matches, on the very next request.
        String listUrl = "/public/uk/articles?section=" + section;
        String listTag = desk.anonymous().urlEncodingEnabled(false).get(listUrl).header("ETag");
        String second = publish("uk", section, List.of(), "Друга новина");
        Response changed = desk.anonymous().urlEncodingEnabled(false).header("If-None-Match", listTag).get(listUrl);
        changed.then().statusCode(200);
        assertNotEquals(listTag, changed.header("ETag"));
        assertEquals(List.of(slug(second, "uk"), slug(id, "uk")), slugs(changed));

        // A correction changes the story's page at once.
        String storyTag = desk.anonymous().get(path).header("ETag");
        desk.as(editor).header("If-Match", stories.etag(editor, id, "uk"))
                .body(Map.of("title", "Перша новина, виправлено", "summary", "s", "body", "<p>Виправлено</p>",
                        "change", "minor"))
                .put(edition(id, "uk")).then().statusCode(200);
        Response corrected = desk.anonymous().header("If-None-Match", storyTag).get(path);
        corrected.then().statusCode(200).body("title", equalTo("Перша новина, виправлено"));
        assertNotEquals(storyTag, corrected.header("ETag"));
    }

    @Test
    void aWithdrawnStoryLeavesTheListsAndItsPageIsGone() {
        String section = unique("withdrawn");
        String id = publish("uk", section, List.of(), "Помилкова новина");
        translate(id, "en", "A mistaken story");
        String stays = publish("uk", section, List.of(), "Правдива новина");
        String ukSlug = slug(id, "uk");
        String enSlug = slug(id, "en");

        // The English version withdrawn alone: the Ukrainian one no longer names it.
        stories.withdraw(editor, id, "en", "Mistranslated").then().statusCode(200);
        desk.anonymous().get("/public/en/articles/" + enSlug).then().statusCode(410)
                .contentType("application/problem+json").body("status", equalTo(410));
        list("uk", Map.of("section", section)).then().body("items.find { it.slug == '" + ukSlug + "' }.alternates",
                equalTo(List.of()));
        desk.anonymous().get("/public/uk/articles/" + ukSlug).then().statusCode(200).body("alternates", equalTo(List.of()));

        // The story withdrawn: out of the list at once, its page 410 Gone.
        stories.withdraw(editor, id, "uk", "Legal asked us to").then().statusCode(200);
        assertEquals(List.of(slug(stays, "uk")), slugs(list("uk", Map.of("section", section))));
        desk.anonymous().get("/public/uk/articles/" + ukSlug).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("/problems/gone"));

        // Never published (a draft's slug) or never there: 404, nothing told about drafts.
        String draft = desk.as(editor).body(Stories.story("uk", "Чернетка " + UUID.randomUUID())).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        desk.anonymous().get("/public/uk/articles/" + slug(draft, "uk")).then().statusCode(404)
                .contentType("application/problem+json");
        desk.anonymous().get("/public/uk/articles/no-such-story-" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentNamesTheBodies() {
        Response api = desk.anonymous().header("Accept", "application/json").get("/openapi");
        String list = "paths.'/public/{lang}/articles'.get.responses";
        String story = "paths.'/public/{lang}/articles/{slug}'.get.responses";
        api.then().statusCode(200)
                .body(list + ".'200'.content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/StoryPage"))
                .body(list + ".'304'", notNullValue())
                .body(story + ".'200'.content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/Story"))
                .body(story + ".'410'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.StoryPage.properties.items.items.'$ref'",
                        equalTo("#/components/schemas/StoryCard"))
                .body("components.schemas.StoryCard.properties.keySet()", hasItem("alternates"))
                .body("components.schemas.StoryCard.properties.body", nullValue())
                .body("components.schemas.StoryCard.properties.publishedAt.format", equalTo("date-time"))
                .body("components.schemas.Sibling.properties.keySet()", equalTo(java.util.Set.of("language", "slug", "url")));
    }
}
