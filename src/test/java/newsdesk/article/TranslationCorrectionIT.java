package newsdesk.article;

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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four eyes on translations hold for an editor's corrections too (hole 9): nothing major goes live unreviewed. */
@ExtendWith(NewsdeskServer.class)
class TranslationCorrectionIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    TranslationCorrectionIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    @Test
    void aMajorCorrectionOfAPublishedTranslationWaitsForReview() {
        String id = publishedStoryWithEnglishTranslation();
        String slug = desk.as(editor).get(edition(id, "en")).path("slug");
        String title = "Unreviewed claim " + UUID.randomUUID();

        correct(id, title, null).then().statusCode(200)
                .body("revision", equalTo(2)).body("publishedRevision", equalTo(1)).body("state", equalTo("PUBLISHED"));

        desk.anonymous().get("/public/en/articles/" + slug).then().statusCode(200)
                .body("title", equalTo("Translated title"));
        desk.anonymous().get("/feeds/en/atom.xml").then().statusCode(200)
                .body(not(containsString(title)));
        assertEquals(0L, desk.database().value(
                "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND language = 'en' AND topic = 'correct'", id));
        assertTrue(lastEnglishEvent(id).contains("not published; awaits review"), lastEnglishEvent(id));
    }

    @Test
    void aMinorCorrectionOfAPublishedTranslationGoesLiveAndAwaitsReview() {
        String id = publishedStoryWithEnglishTranslation();
        String slug = desk.as(editor).get(edition(id, "en")).path("slug");
        String title = "Typo fixed " + UUID.randomUUID();

        correct(id, title, "minor").then().statusCode(200)
                .body("revision", equalTo(2)).body("publishedRevision", equalTo(2));

        desk.anonymous().get("/public/en/articles/" + slug).then().statusCode(200).body("title", equalTo(title));
        desk.anonymous().get("/feeds/en/atom.xml").then().statusCode(200).body(containsString(title));
        assertTrue(lastEnglishEvent(id).contains("published; awaits review"), lastEnglishEvent(id));
    }

    private String publishedStoryWithEnglishTranslation() {
        String id = stories.create(editor, "uk");
        stories.arrangeTranslation(id, "en", "PUBLISHED");
        // Publishing the source changes the feeds, so the arranged translation is in them from here on.
        stories.publish(editor, id, "uk").then().statusCode(200);
        return id;
    }

    private io.restassured.response.Response correct(String id, String title, String change) {
        Map<String, Object> body = new java.util.HashMap<>(Stories.text(title, "<p>Corrected</p>"));
        if (change != null) {
            body.put("change", change);
        }
        return desk.as(editor).header("If-Match", stories.etag(editor, id, "en")).body(body).put(edition(id, "en"));
    }

    private String lastEnglishEvent(String id) {
        List<Map<String, Object>> events = desk.as(editor).get("/api/articles/" + id + "/events").path("findAll { it.language == 'en' }");
        Map<String, Object> last = events.get(events.size() - 1);
        return last.get("action") + ": " + last.get("detail");
    }
}
