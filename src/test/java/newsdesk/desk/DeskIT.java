package newsdesk.desk;

import io.restassured.response.Response;
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
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The translators' and reviewers' day over HTTP. */
@ExtendWith(NewsdeskServer.class)
class DeskIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    DeskIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    private String publishedStory(String language) {
        String id = stories.create(editor, language);
        stories.publish(editor, id, language).then().statusCode(200);
        return id;
    }

    private String requestTranslation(String articleId, String language) {
        return desk.as(editor).body(Map.of("languages", List.of(language), "priority", 5, "note", "Please keep it short"))
                .post("/api/articles/" + articleId + "/translations")
                .then().statusCode(201).body("[0].state", equalTo("OPEN")).body("[0].language", equalTo(language))
                .extract().path("[0].id");
    }

    private Response claim(Desk.Person translator, String taskId) {
        return desk.as(translator).post("/api/tasks/" + taskId + "/claim");
    }

    private Response submit(Desk.Person translator, String taskId, String title) {
        return desk.as(translator).body(Stories.text(title, "<p>" + title + "</p><script>x()</script>"))
                .post("/api/tasks/" + taskId + "/submit");
    }

    @Test
    void theWholeLoopFromRequestToPublication() {
        String id = publishedStory("uk");
        Desk.Person translator = desk.newTranslator("en");
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), "en");
        String taskId = requestTranslation(id, "en");
        desk.as(editor).get(edition(id, "en")).then().statusCode(404);
        desk.as(editor).get("/api/articles/" + id).then().body("state", equalTo("TRANSLATION"))
                .body("editions.find { it.language == 'en' }.state", equalTo("TRANSLATION"));

        // Claim: the task comes with the source text to translate.
        Response claimed = claim(translator, taskId);
        claimed.then().statusCode(200).body("state", equalTo("CLAIMED")).body("holder", equalTo(translator.username()))
                .body("source.language", equalTo("uk")).body("source.title", notNullValue())
                .body("leaseExpiresAt", notNullValue()).body("sourceChanged", equalTo(false));

        // A draft is kept; it needs the task's ETag.
        desk.as(translator).body(Stories.text("Draft", "<p>half</p>")).put("/api/tasks/" + taskId + "/draft")
                .then().statusCode(428);
        desk.as(translator).header("If-Match", claimed.header("ETag")).body(Stories.text("Draft", "<p>half</p>"))
                .put("/api/tasks/" + taskId + "/draft").then().statusCode(200).body("draft.title", equalTo("Draft"));

        // Submit: the edition gets a sanitized revision and waits for review.
        submit(translator, taskId, "Kyiv prepares for winter").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        desk.as(editor).get(edition(id, "en")).then().body("state", equalTo("REVIEW"))
                .body("body", equalTo("<p>Kyiv prepares for winter</p>"));
        desk.as(editor).get("/api/articles/" + id).then().body("state", equalTo("REVIEW"));

        // Reject: back to the same translator (lease alive), with the comment on the task.
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + taskId + "/reject").then().statusCode(422);
        desk.as(reviewer).body(Map.of("comment", "Say 'prepares' in the present tense")).post("/api/tasks/" + taskId + "/reject")
                .then().statusCode(200).body("state", equalTo("CLAIMED")).body("holder", equalTo(translator.username()))
                .body("comments[0].verdict", equalTo("REJECT")).body("comments[0].author", equalTo(reviewer.username()));
        desk.as(translator).get("/api/tasks/" + taskId).then()
                .body("comments[0].body", equalTo("Say 'prepares' in the present tense"));
        desk.as(editor).get(edition(id, "en")).then().body("state", equalTo("TRANSLATION"));

        // Resubmit and approve.
        submit(translator, taskId, "Kyiv is preparing for winter").then().statusCode(200);
        desk.as(reviewer).body(Map.of("comment", "Good")).post("/api/tasks/" + taskId + "/approve")
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        desk.as(editor).get(edition(id, "en")).then().body("state", equalTo("APPROVED")).body("revision", equalTo(2));

        // The editor publishes it; the languages link to each other.
        Response published = stories.publish(editor, id, "en");
        published.then().statusCode(200).body("state", equalTo("PUBLISHED"));
        desk.anonymous().get("/public/en/articles/" + published.path("slug")).then().statusCode(200)
                .body("title", equalTo("Kyiv is preparing for winter")).body("alternates.language", equalTo(List.of("uk")));
        String ukSlug = desk.as(editor).get(edition(id, "uk")).path("slug");
        desk.anonymous().get("/public/uk/articles/" + ukSlug).then().body("alternates.language", equalTo(List.of("en")));
        desk.as(editor).get("/api/articles/" + id).then().body("state", equalTo("PUBLISHED"));
        List<String> actions = desk.as(editor).get("/api/articles/" + id + "/events").path("action");
        assertEquals(List.of("create", "publish", "request-translation", "claim", "submit", "reject", "submit",
                "approve", "publish"), actions);
    }

    @Test
    void fourEyesNobodyApprovesTheirOwnTranslation() {
        String id = publishedStory("uk");
        Desk.Person both = desk.newPerson(List.of("TRANSLATOR", "REVIEWER", "EDITOR", "ADMIN"), "en");
        Desk.Person other = desk.newPerson(List.of("REVIEWER"), "en");
        String taskId = requestTranslation(id, "en");
        claim(both, taskId).then().statusCode(200);
        submit(both, taskId, "Mine").then().statusCode(200);

        desk.as(both).body(Map.of()).post("/api/tasks/" + taskId + "/approve")
                .then().statusCode(403).body("detail", containsString("Four eyes"));
        desk.as(both).body(Map.of("comment", "x")).post("/api/tasks/" + taskId + "/reject").then().statusCode(403);
        desk.as(other).body(Map.of()).post("/api/tasks/" + taskId + "/approve").then().statusCode(200);
    }

    @Test
    void translatorsAndReviewersStayInTheirLanguages() {
        String id = publishedStory("uk");
        String taskId = requestTranslation(id, "en");
        Desk.Person russian = desk.newPerson(List.of("TRANSLATOR", "REVIEWER"), "ru");

        claim(russian, taskId).then().statusCode(403);
        desk.as(russian).get("/api/tasks/" + taskId).then().statusCode(403);
        desk.as(russian).get("/api/tasks").then().statusCode(200).body("items.language", not(hasItem("en")));
        desk.as(russian).body(Map.of("language", "en")).post("/api/tasks/claim-next").then().statusCode(403);
        desk.as(editor).get("/api/tasks?language=en").then().statusCode(200).body("items.id", hasItem(taskId));
    }

    @Test
    void approvedTranslationsGoOutAtOnceWhenTheArticleOptedIn() {
        Map<String, Object> story = Stories.story("uk", "Auto " + java.util.UUID.randomUUID());
        story.put("autoPublishTranslations", true);
        String id = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        stories.publish(editor, id, "uk").then().statusCode(200);
        Desk.Person translator = desk.newTranslator("en");
        String taskId = requestTranslation(id, "en");
        claim(translator, taskId);
        submit(translator, taskId, "Auto English");

        desk.as(desk.newPerson(List.of("REVIEWER"), "en")).body(Map.of()).post("/api/tasks/" + taskId + "/approve")
                .then().statusCode(200);

        desk.as(editor).get(edition(id, "en")).then().body("state", equalTo("PUBLISHED"));
    }

    @Test
    void killingTheStoryCallsOffItsTranslations() {
        String id = publishedStory("uk");
        String taskId = requestTranslation(id, "en");
        claim(desk.newTranslator("en"), taskId).then().statusCode(200);

        stories.withdraw(editor, id, "uk", "Killed").then().statusCode(200);

        desk.as(editor).get("/api/tasks/" + taskId).then().body("state", equalTo("CANCELLED"));
        desk.as(editor).get(edition(id, "en")).then().statusCode(404);
    }

    @Test
    void editorsCancelAndReassign() {
        String id = publishedStory("uk");
        String taskId = requestTranslation(id, "en");
        Desk.Person translator = desk.newTranslator("en");
        Desk.Person russian = desk.newTranslator("ru");

        desk.as(editor).body(Map.of("translatorId", russian.id())).post("/api/tasks/" + taskId + "/reassign")
                .then().statusCode(422);
        desk.as(editor).body(Map.of("translatorId", translator.id())).post("/api/tasks/" + taskId + "/reassign")
                .then().statusCode(200).body("state", equalTo("CLAIMED")).body("holder", equalTo(translator.username()));
        desk.as(translator).post("/api/tasks/" + taskId + "/cancel").then().statusCode(403);
        desk.as(editor).post("/api/tasks/" + taskId + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        desk.as(editor).post("/api/tasks/" + taskId + "/cancel").then().statusCode(409)
                .body("currentState", equalTo("CANCELLED")).body("allowedActions", equalTo(List.of()));
        desk.as(editor).get(edition(id, "en")).then().statusCode(404);
        // The language can be requested again.
        requestTranslation(id, "en");
    }

    @Test
    void badTranslationRequestsAre422Or409() {
        String id = publishedStory("uk");
        desk.as(editor).body(Map.of("languages", List.of("uk"))).post("/api/articles/" + id + "/translations")
                .then().statusCode(422).body("errors[0].message", containsString("source"));
        desk.as(editor).body(Map.of("languages", List.of("xx"))).post("/api/articles/" + id + "/translations")
                .then().statusCode(422);
        requestTranslation(id, "en");
        desk.as(editor).body(Map.of("languages", List.of("ru", "en"))).post("/api/articles/" + id + "/translations")
                .then().statusCode(409);
        desk.as(editor).get("/api/articles/" + id).then().body("editions.language", not(hasItem("ru")));
    }
}
