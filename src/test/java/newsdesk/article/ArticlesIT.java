package newsdesk.article;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's whole day over HTTP: write, revise, publish, correct, withdraw; and what readers see. */
@ExtendWith(NewsdeskServer.class)
class ArticlesIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    ArticlesIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    @Test
    void theHappyPathFromDraftToCorrectionToWithdrawal() {
        String title = "Київ готується до зими " + UUID.randomUUID().toString().substring(0, 4);
        Response created = desk.as(editor).body(Stories.story("uk", title)).post("/api/articles");
        created.then().statusCode(201)
                .body("state", equalTo("DRAFT"))
                .body("sourceLanguage", equalTo("uk"))
                .body("editions[0].state", equalTo("DRAFT"))
                .body("editions[0].slug", startsWith("kyiv-hotuietsia-do-zymy-"));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/articles/" + id));
        String path = edition(id, "uk");

        // Revise the draft: a new revision, and the slug follows the new title.
        String etag = desk.as(editor).get(path).then().statusCode(200).body("revision", equalTo(1)).extract().header("ETag");
        desk.as(editor).header("If-Match", etag).body(Stories.text(title + " і весни", "<p>Нове 🌨️</p>")).put(path)
                .then().statusCode(200).body("revision", equalTo(2)).body("body", equalTo("<p>Нове 🌨️</p>"))
                .body("slug", containsString("-i-vesny"));

        // Publish: the public sees it, with a stable Atom id.
        Response published = stories.publish(editor, id, "uk");
        published.then().statusCode(200).body("state", equalTo("PUBLISHED")).body("publishedRevision", equalTo(2))
                .body("atomId", containsString("urn:uuid:"));
        String slug = published.path("slug");
        String atomId = published.path("atomId");
        desk.anonymous().get("/public/uk/articles/" + slug).then().statusCode(200)
                .body("title", equalTo(title + " і весни")).body("id", equalTo(atomId));
        desk.as(editor).get("/api/articles/" + id).then().body("state", equalTo("PUBLISHED"));

        // Correct it: same id and slug, a later "updated", the public sees the new text.
        String firstUpdated = published.path("updatedAt");
        desk.as(editor).header("If-Match", published.header("ETag"))
                .body(Map.of("title", "Виправлено", "summary", "s", "body", "<p>Виправлений текст</p>", "change", "minor"))
                .put(path)
                .then().statusCode(200).body("state", equalTo("PUBLISHED")).body("revision", equalTo(3))
                .body("publishedRevision", equalTo(3)).body("atomId", equalTo(atomId)).body("slug", equalTo(slug));
        Response afterCorrection = desk.anonymous().get("/public/uk/articles/" + slug);
        afterCorrection.then().statusCode(200).body("title", equalTo("Виправлено")).body("id", equalTo(atomId));
        assertNotEquals(firstUpdated, afterCorrection.path("updatedAt"));

        // Withdraw it: gone from the public, the reason kept.
        stories.withdraw(editor, id, "uk", "Legal asked us to").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).body("withdrawnReason", equalTo("Legal asked us to"));
        desk.anonymous().get("/public/uk/articles/" + slug).then().statusCode(410)
                .contentType("application/problem+json");

        // Every step is in the audit trail, with who did it.
        List<String> actions = desk.as(editor).get("/api/articles/" + id + "/events").then().statusCode(200)
                .body("actor", hasItem(editor.username())).extract().path("action");
        assertEquals(List.of("create", "edit", "publish", "correct", "withdraw"), actions);
    }

    @Test
    void publicationChangesGoThroughTheOutboxAndAreRelayed() {
        String id = stories.create(editor, "en");
        stories.publish(editor, id, "en").then().statusCode(200);
        stories.withdraw(editor, id, "en", "test").then().statusCode(200);

        // Drafts make no outbox rows; each publication change makes one, and the relay processes it.
        assertEquals(List.of("publish", "withdraw"), desk.database().strings(
                "SELECT topic FROM outbox WHERE article_id = ?::uuid ORDER BY id", id));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        long pending;
        do {
            pending = (Long) desk.database().value(
                    "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND processed_at IS NULL", id);
        } while (pending > 0 && System.nanoTime() < deadline);
        assertEquals(0L, pending, "the relay drained the outbox");
    }

    @Test
    void revisionsAreKeptAndDiffable() {
        String id = stories.create(editor, "en", "Mayor opens bridge");
        String path = edition(id, "en");
        desk.as(editor).header("If-Match", stories.etag(editor, id, "en"))
                .body(Map.of("title", "Mayor opens new bridge", "summary", "Summary of Mayor opens bridge",
                        "body", "<p>Body of Mayor opens the bridge</p>", "note", "added detail"))
                .put(path).then().statusCode(200);

        desk.as(editor).get(path + "/revisions").then().statusCode(200)
                .body("number", equalTo(List.of(2, 1))).body("[0].note", equalTo("added detail"));
        desk.as(editor).get(path + "/revisions/1").then().statusCode(200).body("title", equalTo("Mayor opens bridge"));
        desk.as(editor).get(path + "/revisions/2/diff?from=1").then().statusCode(200)
                .body("find { it.field == 'title' }.hunks[0].type", equalTo("INSERT"))
                .body("find { it.field == 'title' }.hunks[0].to", equalTo("new "))
                .body("find { it.field == 'summary' }.hunks", equalTo(List.of()))
                .body("find { it.field == 'body' }.hunks[0].to", equalTo("the "));
        desk.as(editor).get(path + "/revisions/7").then().statusCode(404);
    }

    @Test
    void cyrillicAndEmojiRoundTripUntouched() {
        String title = "Що нового? «Лапки» — тире, ґ та ї 🇺🇦 " + UUID.randomUUID();
        String id = stories.create(editor, "uk", title);
        desk.as(editor).get(edition(id, "uk")).then().statusCode(200)
                .body("title", equalTo(title)).body("summary", equalTo("Summary of " + title));
    }

    @Test
    void storiesWithTheSameTitleGetNumberedSlugsUpToFifty() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Однакова назва " + suffix;
        String base = "odnakova-nazva-" + suffix;
        Response first = desk.as(editor).body(Stories.story("uk", title)).post("/api/articles");
        first.then().statusCode(201).body("editions[0].slug", equalTo(base));
        // The answer is the story as stored.
        String firstId = first.path("id");
        Response stored = desk.as(editor).get("/api/articles/" + firstId);
        assertEquals(stored.header("ETag"), first.header("ETag"));
        assertEquals(stored.jsonPath().getMap("$"), first.jsonPath().getMap("$"));
        String second = desk.as(editor).body(Stories.story("uk", title)).post("/api/articles")
                .then().statusCode(201).body("editions[0].slug", equalTo(base + "-2")).extract().path("id");

        // A draft retitled to a taken title takes the next free number; re-saving its own title keeps its slug.
        String third = stories.create(editor, "uk", "Інша назва " + suffix);
        desk.as(editor).header("If-Match", stories.etag(editor, third, "uk")).body(Stories.text(title, "<p>x</p>"))
                .put(edition(third, "uk")).then().statusCode(200).body("slug", equalTo(base + "-3"));
        desk.as(editor).header("If-Match", stories.etag(editor, second, "uk")).body(Stories.text(title, "<p>y</p>"))
                .put(edition(second, "uk")).then().statusCode(200).body("slug", equalTo(base + "-2"));

        for (int n = 4; n <= 50; n++) {
            desk.as(editor).body(Stories.story("uk", title)).post("/api/articles")
                    .then().statusCode(201).body("editions[0].slug", equalTo(base + "-" + n));
        }
        desk.as(editor).body(Stories.story("uk", title)).post("/api/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("title"));
    }

    @Test
    void eachLanguagesSlugsFollowItsStandard() {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String russian = stories.create(editor, "ru", "Щёлково готовится к зиме " + suffix);
        desk.as(editor).get(edition(russian, "ru")).then().statusCode(200)
                .body("slug", equalTo("shchyolkovo-gotovitsya-k-zime-" + suffix));
        String english = stories.create(editor, "en", "Café owners in Kyiv prepare for winter " + suffix);
        desk.as(editor).get(edition(english, "en")).then().statusCode(200)
                .body("slug", equalTo("cafe-owners-in-kyiv-prepare-for-winter-" + suffix));
    }

    @Test
    void plainTextStaysLiteralAndBodiesAreSanitized() {
        Map<String, Object> story = Stories.story("en", "Tom & Jerry <3 ]]> \"quoted\"");
        story.put("body", "<p onclick=\"steal()\">Hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><img src=\"data:image/png;base64,AAAA\">"
                + "<a href=\"https://example.org\">ok</a><iframe src=\"https://evil.example\"></iframe>");
        String id = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");

        desk.as(editor).get(edition(id, "en")).then().statusCode(200)
                .body("title", equalTo("Tom & Jerry <3 ]]> \"quoted\""))
                .body("body", equalTo("<p>Hi</p>x<a href=\"https://example.org\" rel=\"noopener\">ok</a>"));
    }

    @Test
    void aTranslatorCannotWriteOrPublish() {
        Desk.Person translator = desk.newTranslator("en", "uk");
        String id = stories.create(editor, "uk");
        String etag = stories.etag(editor, id, "uk");

        desk.as(translator).body(Stories.story("uk", "Sneaky")).post("/api/articles").then().statusCode(403);
        desk.as(translator).header("If-Match", etag).body(Stories.text("Sneaky", "<p>x</p>")).put(edition(id, "uk"))
                .then().statusCode(403);
        desk.as(translator).header("If-Match", etag).body("{}").post(edition(id, "uk") + "/publish")
                .then().statusCode(403);
        desk.as(translator).header("If-Match", etag).body(Map.of("reason", "no")).post(edition(id, "uk") + "/withdraw")
                .then().statusCode(403);
        // Reading is fine: translators are staff.
        desk.as(translator).get(edition(id, "uk")).then().statusCode(200);
    }

    @Test
    void writesNeedTheCurrentETag() {
        String id = stories.create(editor, "en");
        desk.as(editor).body(Stories.text("No ETag", "<p>x</p>")).put(edition(id, "en"))
                .then().statusCode(428).body("type", equalTo("/problems/precondition-required"));
        desk.as(editor).body("{}").post(edition(id, "en") + "/publish").then().statusCode(428);
        desk.as(editor).header("If-Match", "\"99\"").body("{}").post(edition(id, "en") + "/publish")
                .then().statusCode(412).body("currentETag", equalTo("\"1\""));
        desk.as(editor).get(edition(id, "en")).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void creatingWithAnIdempotencyKeyHappensOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> story = Stories.story("en", "Once only " + key);
        Response first = desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles");
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response replay = desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));

        story.put("title", "Something else");
        desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1L, desk.database().value("SELECT count(*) FROM articles a JOIN revisions r ON r.article_id = a.id"
                + " WHERE r.title = ?", "Once only " + key));
    }

    @Test
    void aCreateRefusedForItsLanguageLeavesNoKeyBehind() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> story = Stories.story("xx", "Nowhere " + key);
        for (int attempt = 0; attempt < 2; attempt++) {
            desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles").then().statusCode(422)
                    .body("errors[0].field", equalTo("sourceLanguage"));
        }
        assertEquals(0L, desk.database().value("SELECT count(*) FROM idempotency_keys WHERE key = ?", key));
        assertEquals(0L, desk.database().value("SELECT count(*) FROM revisions WHERE title = ?", "Nowhere " + key));
    }

    @Test
    void aRetryAfterItsLanguageWasSwitchedOffIsStillAReplay() {
        String language = desk.newLanguage();
        String key = UUID.randomUUID().toString();
        Map<String, Object> story = Stories.story(language, "Before the switch " + key);
        Response first = desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles");
        first.then().statusCode(201);
        desk.asAdmin().header("If-Match", "\"1\"").body(Map.of("name", "Test " + language, "enabled", false))
                .put("/api/languages/" + language).then().statusCode(200);
        desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        story.put("title", "Something else");
        desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        desk.as(editor).body(story).post("/api/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("sourceLanguage"));
    }

    @Test
    void badArticlesAre422() {
        Map<String, Object> story = Stories.story("xx", " ");
        story.remove("body");
        desk.as(editor).body(story).post("/api/articles").then().statusCode(422)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("body"));
        desk.as(editor).body(Stories.story("xx", "Unknown language")).post("/api/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("sourceLanguage"));
    }

    @Test
    void aScheduleInThePastIs422AndAFutureOneWaits() {
        String id = stories.create(editor, "en");
        desk.as(editor).header("If-Match", stories.etag(editor, id, "en")).body(Map.of("at", "2001-01-01T00:00:00Z"))
                .post(edition(id, "en") + "/publish").then().statusCode(422).body("errors[0].field", equalTo("at"));
        desk.as(editor).header("If-Match", stories.etag(editor, id, "en")).body(Map.of("at", "2099-01-01T00:00:00Z"))
                .post(edition(id, "en") + "/publish").then().statusCode(200)
                .body("state", equalTo("SCHEDULED")).body("publishAt", equalTo("2099-01-01T00:00:00Z"))
                .body("atomId", nullValue());
        desk.as(editor).header("If-Match", stories.etag(editor, id, "en")).post(edition(id, "en") + "/unschedule")
                .then().statusCode(200).body("state", equalTo("DRAFT")).body("publishAt", nullValue());
    }

    @Test
    void listsFilterAndPage() {
        String section = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> story = Stories.story("en", "Filtered story " + i + " " + section);
            story.put("section", section);
            desk.as(editor).body(story).post("/api/articles").then().statusCode(201);
        }
        Response firstPage = desk.as(editor).queryParam("section", section).queryParam("limit", 2).get("/api/articles");
        firstPage.then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue())
                // Each story comes with its editions, as the editor's board shows them.
                .body("items[0].editions.language", equalTo(java.util.List.of("en")))
                .body("items[0].editions[0].state", equalTo("DRAFT"));
        desk.as(editor).queryParam("section", section).queryParam("limit", 2)
                .queryParam("cursor", (String) firstPage.path("nextCursor")).get("/api/articles")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", nullValue());
        desk.as(editor).queryParam("q", "story 1 " + section).get("/api/articles").then().statusCode(200)
                .body("items.size()", equalTo(1));
        desk.as(editor).queryParam("section", section).queryParam("state", "published").get("/api/articles")
                .then().statusCode(200).body("items.size()", equalTo(0));
        desk.as(editor).queryParam("state", "nonsense").get("/api/articles").then().statusCode(422);
        desk.as(editor).queryParam("section", section).queryParam("language", "uk").get("/api/articles")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void unknownArticlesAndEditionsAre404() {
        desk.as(editor).get("/api/articles/" + UUID.randomUUID()).then().statusCode(404);
        String id = stories.create(editor, "en");
        desk.as(editor).get(edition(id, "ru")).then().statusCode(404).body("detail", not(containsString("Exception")));
        desk.anonymous().get("/public/en/articles/no-such-story").then().statusCode(404);
    }
}
