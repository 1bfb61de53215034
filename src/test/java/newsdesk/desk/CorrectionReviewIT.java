package newsdesk.desk;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Four eyes on an editor's correction of a published translation (issue 8, hole 9). */
@ExtendWith(NewsdeskServer.class)
class CorrectionReviewIT {

    private final Desk desk;
    private final Stories stories;
    /** An editor who also reviews English: four eyes must stop them reviewing their own correction. */
    private final Desk.Person editor;
    private final Desk.Person reviewer;
    private final TaskSteps steps;

    CorrectionReviewIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newPerson(List.of("EDITOR", "REVIEWER"), "en");
        this.reviewer = desk.newPerson(List.of("REVIEWER"), "en");
        this.steps = new TaskSteps(desk, editor);
    }

    private Response correct(String articleId, String title, String change) {
        Map<String, Object> text = new HashMap<>(Stories.text(title, "<p>" + title + "</p>"));
        text.put("change", change);
        return desk.as(editor).header("If-Match", stories.etag(editor, articleId, "en")).body(text)
                .put(edition(articleId, "en"));
    }

    private String correctionTask(String articleId) {
        return desk.as(reviewer).get("/api/tasks?state=SUBMITTED&language=en&limit=100").then().statusCode(200)
                .extract().path("items.find { it.articleId == '" + articleId + "' && it.kind == 'CORRECTION' }.id");
    }

    private String publicTitle(String articleId) {
        String slug = desk.as(editor).get(edition(articleId, "en")).path("slug");
        return desk.anonymous().get("/public/en/articles/" + slug).then().statusCode(200).extract().path("title");
    }

    @Test
    void aMajorCorrectionGoesLiveOnlyWhenASecondPersonApprovesIt() {
        String id = steps.publishedTranslation("en", desk.newTranslator("en"), reviewer, "Reviewed English");

        correct(id, "Unreviewed English", "major").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("Reviewed English", publicTitle(id));

        String taskId = correctionTask(id);
        desk.as(reviewer).get("/api/tasks/" + taskId).then().body("state", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo(editor.id()))
                .body("allowedActions", equalTo(List.of("approve", "reject-correction")));
        desk.as(editor).body(Map.of()).post("/api/tasks/" + taskId + "/approve").then().statusCode(403);
        desk.as(editor).post("/api/tasks/" + taskId + "/cancel").then().statusCode(409);
        org.junit.jupiter.api.Assertions.assertEquals("Reviewed English", publicTitle(id));

        desk.as(reviewer).body(Map.of("comment", "Checked")).post("/api/tasks/" + taskId + "/approve")
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        org.junit.jupiter.api.Assertions.assertEquals("Unreviewed English", publicTitle(id));
        desk.as(reviewer).get("/api/tasks?state=SUBMITTED&language=en&limit=100").then()
                .body("items.id", not(hasItem(taskId)));
        desk.as(editor).get("/api/articles/" + id + "/events").then().body("action", hasItem("approve-correction"));
    }

    @Test
    void aMinorCorrectionIsLiveAtOnceAndARejectionBringsBackTheReviewedText() {
        String id = steps.publishedTranslation("en", desk.newTranslator("en"), reviewer, "Reviewed English");

        correct(id, "Minor but wrong", "minor").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("Minor but wrong", publicTitle(id));
        String taskId = correctionTask(id);

        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + taskId + "/reject").then().statusCode(422);
        desk.as(editor).body(Map.of("comment", "fine")).post("/api/tasks/" + taskId + "/reject").then().statusCode(403);
        desk.as(reviewer).body(Map.of("comment", "This changes the meaning")).post("/api/tasks/" + taskId + "/reject")
                .then().statusCode(200).body("state", equalTo("REJECTED"))
                .body("comments[0].body", equalTo("This changes the meaning"));

        org.junit.jupiter.api.Assertions.assertEquals("Reviewed English", publicTitle(id));
        desk.as(editor).get("/api/articles/" + id + "/events").then()
                .body("action", hasItems("reject-correction", "revert-correction"));
    }

    @Test
    void aConfirmedMinorCorrectionStaysAndANewerCorrectionReplacesAWaitingOne() {
        String id = steps.publishedTranslation("en", desk.newTranslator("en"), reviewer, "Reviewed English");

        correct(id, "Minor fix", "minor").then().statusCode(200);
        String first = correctionTask(id);
        correct(id, "Second thoughts", "major").then().statusCode(200);
        String second = correctionTask(id);
        desk.as(reviewer).get("/api/tasks/" + first).then().body("state", equalTo("CANCELLED"));

        // Turning the newer one down also undoes the unreviewed minor fix that is live.
        desk.as(reviewer).body(Map.of("comment", "No")).post("/api/tasks/" + second + "/reject").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("Reviewed English", publicTitle(id));

        correct(id, "Minor fix again", "minor").then().statusCode(200);
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + correctionTask(id) + "/approve").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("Minor fix again", publicTitle(id));
        desk.as(editor).get("/api/articles/" + id + "/events").then().body("action", hasItem("confirm-correction"));
    }
}
