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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An editor changes a story's section, tags and byline after creation; readers see it at once. */
@ExtendWith(NewsdeskServer.class)
class ArticleMetadataIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    ArticleMetadataIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    @Test
    void aPublishedStorysNewSectionTagsAndBylineReachItsPagesAndFeeds() {
        String title = "Metadata story " + UUID.randomUUID();
        String id = stories.create(editor, "uk", title);
        stories.publish(editor, id, "uk").then().statusCode(200);
        stories.arrangeTranslation(id, "en", "PUBLISHED");
        String ukSlug = desk.as(editor).get(edition(id, "uk")).path("slug");
        String enSlug = desk.as(editor).get(edition(id, "en")).path("slug");
        desk.anonymous().get("/feeds/uk/atom.xml").then().statusCode(200).body(containsString(title));
        String etag = articleETag(id);
        String section = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        String byline = "Byline " + UUID.randomUUID();

        String newETag = desk.as(editor).header("If-Match", etag)
                .body(Map.of("section", " " + section + " ", "tags", List.of("energy", " winter ", "energy"),
                        "byline", byline))
                .patch("/api/articles/" + id)
                .then().statusCode(200).body("section", equalTo(section)).body("tags", equalTo(List.of("energy", "winter")))
                .body("byline", equalTo(byline)).extract().header("ETag");
        assertNotEquals(etag, newETag);
        assertEquals(newETag, articleETag(id));

        for (String page : List.of("/public/uk/articles/" + ukSlug, "/public/en/articles/" + enSlug)) {
            desk.anonymous().get(page).then().statusCode(200).body("section", equalTo(section))
                    .body("tags", equalTo(List.of("energy", "winter"))).body("byline", equalTo(byline));
        }
        desk.anonymous().get("/feeds/uk/atom.xml").then().statusCode(200).body(containsString(byline));
        desk.anonymous().queryParam("section", section).get("/feeds/uk/atom.xml").then().statusCode(200)
                .body(containsString(title));
        desk.anonymous().queryParam("section", "news").get("/feeds/uk/atom.xml").then().statusCode(200)
                .body(not(containsString(title)));
        desk.as(editor).get("/api/articles/" + id + "/events").then().statusCode(200)
                .body("action", hasItem("change-metadata"))
                .body("find { it.action == 'change-metadata' }.detail", containsString("section: news → " + section))
                .body("find { it.action == 'change-metadata' }.actor", equalTo(editor.username()));
        assertEquals(2L, desk.database().value(
                "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND topic = 'change-metadata'", id));
    }

    @Test
    void onlyTheIfMatchingEditorMayChangeItAndOnlyToValidValues() {
        String id = stories.create(editor, "uk");
        String etag = articleETag(id);
        Map<String, Object> change = Map.of("byline", "Someone else");

        desk.as(editor).body(change).patch("/api/articles/" + id).then().statusCode(428)
                .contentType(containsString("application/problem+json"));
        desk.as(editor).header("If-Match", "\"999\"").body(change).patch("/api/articles/" + id).then().statusCode(412)
                .contentType(containsString("application/problem+json"));
        desk.as(desk.newTranslator("en")).header("If-Match", etag).body(change).patch("/api/articles/" + id)
                .then().statusCode(403);
        desk.as(editor).header("If-Match", etag).body(Map.of("section", "  ")).patch("/api/articles/" + id)
                .then().statusCode(422).body("errors.field", hasItem(containsString("section")));
        desk.as(editor).header("If-Match", etag).body(Map.of("tags", List.of(""))).patch("/api/articles/" + id)
                .then().statusCode(422).body("errors.field", hasItem(containsString("tags")));
        desk.as(editor).header("If-Match", etag).body(Map.of("byline", "x".repeat(301))).patch("/api/articles/" + id)
                .then().statusCode(422).body("errors.field", hasItem(containsString("byline")));

        desk.as(editor).get("/api/articles/" + id).then().body("byline", equalTo("Олена Коваль"))
                .header("ETag", equalTo(etag));
    }

    private String articleETag(String id) {
        return desk.as(editor).get("/api/articles/" + id).then().statusCode(200).extract().header("ETag");
    }
}
