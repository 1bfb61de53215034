package newsdesk.desk;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.Stories;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** The desk's common steps over HTTP, as one editor: stories, translation requests, claims, submissions. */
final class TaskSteps {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    TaskSteps(Desk desk, Desk.Person editor) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = editor;
    }

    String publishedStory(String language) {
        String id = stories.create(editor, language);
        stories.publish(editor, id, language).then().statusCode(200);
        return id;
    }

    String requestTranslation(String articleId, String language) {
        return desk.as(editor).body(Map.of("languages", List.of(language), "priority", 5, "note", "Please keep it short"))
                .post("/api/articles/" + articleId + "/translations")
                .then().statusCode(201).body("[0].state", equalTo("OPEN")).body("[0].language", equalTo(language))
                .extract().path("[0].id");
    }

    Response claim(Desk.Person translator, String taskId) {
        return desk.as(translator).post("/api/tasks/" + taskId + "/claim");
    }

    Response submit(Desk.Person translator, String taskId, String title) {
        return desk.as(translator).body(Stories.text(title, "<p>" + title + "</p><script>x()</script>"))
                .post("/api/tasks/" + taskId + "/submit");
    }

    /** A published story with an approved and published translation into {@code language}. */
    String publishedTranslation(String language, Desk.Person translator, Desk.Person reviewer, String title) {
        String id = publishedStory("uk");
        String taskId = requestTranslation(id, language);
        claim(translator, taskId).then().statusCode(200);
        submit(translator, taskId, title).then().statusCode(200);
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + taskId + "/approve").then().statusCode(200);
        stories.publish(editor, id, language).then().statusCode(200);
        return id;
    }
}
