package newsdesk.desk;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Asking for translations is a creating POST: Idempotency-Key makes a retried request safe. */
@ExtendWith(NewsdeskServer.class)
class TranslationRequestsIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    TranslationRequestsIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    private io.restassured.response.Response request(String articleId, String key, List<String> languages) {
        return desk.as(editor).header("Idempotency-Key", key).body(Map.of("languages", languages, "priority", 2))
                .post("/api/articles/" + articleId + "/translations");
    }

    private long tasksOf(String articleId) {
        return (Long) desk.database().value("SELECT count(*) FROM tasks WHERE article_id = ?::uuid", articleId);
    }

    @Test
    void aReplayAnswersWithTheSameTasksAndOpensNone() {
        String id = stories.create(editor, "uk");
        String key = UUID.randomUUID().toString();

        List<String> first = request(id, key, List.of("en", "ru")).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");
        List<String> replay = request(id, key, List.of("en", "ru")).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("language", equalTo(List.of("en", "ru")))
                .extract().path("id");

        assertEquals(first, replay);
        assertEquals(2, tasksOf(id));
        // Without the key, the same request is a second request: the languages are taken.
        desk.as(editor).body(Map.of("languages", List.of("en"))).post("/api/articles/" + id + "/translations")
                .then().statusCode(409);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        String id = stories.create(editor, "uk");
        String other = stories.create(editor, "uk");
        String key = UUID.randomUUID().toString();
        request(id, key, List.of("en")).then().statusCode(201);

        request(id, key, List.of("ru")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        request(other, key, List.of("en")).then().statusCode(422);

        assertEquals(1, tasksOf(id));
        assertEquals(0, tasksOf(other));
    }
}
