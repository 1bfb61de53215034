package newsdesk.desk;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Published translations kept in step with a corrected source: UPDATE tasks and their review. */
@ExtendWith(NewsdeskServer.class)
class SourceUpdatesIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;
    private final TaskSteps steps;

    SourceUpdatesIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
        this.steps = new TaskSteps(desk, editor);
    }

    @Test
    void aMajorCorrectionOfThePublishedSourceOpensUpdateTasks() {
        String id = steps.publishedStory("uk");
        Desk.Person translator = desk.newTranslator("en");
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), "en");
        String taskId = steps.requestTranslation(id, "en");
        steps.claim(translator, taskId);
        steps.submit(translator, taskId, "First English");
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + taskId + "/approve").then().statusCode(200);
        String enSlug = stories.publish(editor, id, "en").then().statusCode(200).extract().path("slug");

        // A typo fix changes nothing for translators.
        desk.as(editor).header("If-Match", stories.etag(editor, id, "uk"))
                .body(Map.of("title", "Typo fixed", "summary", "s", "body", "<p>b</p>", "change", "minor"))
                .put(edition(id, "uk")).then().statusCode(200);
        desk.as(editor).get(edition(id, "en")).then().body("outdated", equalTo(false));

        // A major correction makes the translation outdated (still live) and opens an UPDATE task.
        desk.as(editor).header("If-Match", stories.etag(editor, id, "uk"))
                .body(Map.of("title", "Facts corrected", "summary", "s", "body", "<p>new facts</p>"))
                .put(edition(id, "uk")).then().statusCode(200);
        desk.as(editor).get(edition(id, "en")).then().body("outdated", equalTo(true)).body("state", equalTo("PUBLISHED"));
        desk.anonymous().get("/public/en/articles/" + enSlug).then().statusCode(200).body("title", equalTo("First English"));
        String updateId = desk.as(translator).get("/api/tasks?language=en&state=OPEN").then()
                .extract().path("items.find { it.articleId == '" + id + "' }.id");
        desk.as(translator).get("/api/tasks/" + updateId).then().body("kind", equalTo("UPDATE"))
                .body("baseRevision", equalTo(1)).body("sourceRevision", equalTo(3));
        desk.as(translator).get("/api/tasks/" + updateId + "/source-diff").then().statusCode(200)
                .body("find { it.field == 'body' }.hunks.size()", org.hamcrest.Matchers.greaterThan(0));

        // The update goes through review too; once approved, the live translation is current again.
        steps.claim(translator, updateId).then().statusCode(200);
        steps.submit(translator, updateId, "Corrected English").then().statusCode(200);
        desk.anonymous().get("/public/en/articles/" + enSlug).then().body("title", equalTo("First English"));
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + updateId + "/approve").then().statusCode(200);
        desk.anonymous().get("/public/en/articles/" + enSlug).then().body("title", equalTo("Corrected English"));
        desk.as(editor).get(edition(id, "en")).then().body("outdated", equalTo(false)).body("sourceRevision", equalTo(3));
    }

    @Test
    void aRepublishedTranslationNeverShowsAnUnapprovedUpdate() {
        String id = steps.publishedStory("uk");
        Desk.Person translator = desk.newTranslator("en");
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), "en");
        String taskId = steps.requestTranslation(id, "en");
        steps.claim(translator, taskId);
        steps.submit(translator, taskId, "Approved English");
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + taskId + "/approve").then().statusCode(200);
        String enSlug = stories.publish(editor, id, "en").then().statusCode(200).extract().path("slug");
        desk.as(editor).header("If-Match", stories.etag(editor, id, "uk"))
                .body(Map.of("title", "Major", "summary", "s", "body", "<p>major</p>")).put(edition(id, "uk"))
                .then().statusCode(200);
        String updateId = desk.as(editor).get("/api/tasks?language=en&state=OPEN").then()
                .extract().path("items.find { it.articleId == '" + id + "' }.id");
        steps.claim(translator, updateId);
        steps.submit(translator, updateId, "Unreviewed English").then().statusCode(200);
        desk.as(reviewer).body(Map.of("comment", "No")).post("/api/tasks/" + updateId + "/reject").then().statusCode(200);

        stories.withdraw(editor, id, "en", "pause").then().statusCode(200);
        stories.publish(editor, id, "en").then().statusCode(200);

        desk.anonymous().get("/public/en/articles/" + enSlug).then().statusCode(200)
                .body("title", equalTo("Approved English"));
    }
}
