package newsdesk.article;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Withdrawing a published source kills the story everywhere, in one transaction. */
@ExtendWith(NewsdeskServer.class)
class KillIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    KillIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    @Test
    void withdrawingTheSourceWithdrawsEveryTranslation() {
        String id = stories.create(editor, "uk");
        stories.publish(editor, id, "uk").then().statusCode(200);
        stories.arrangeTranslation(id, "en", "PUBLISHED");
        stories.arrangeTranslation(id, "ru", "SCHEDULED");
        String enSlug = desk.as(editor).get(edition(id, "en")).then().extract().path("slug");
        desk.anonymous().get("/public/en/articles/" + enSlug).then().statusCode(200);

        stories.withdraw(editor, id, "uk", "Source retracted the claim").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));

        desk.as(editor).get(edition(id, "en")).then().body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", containsString("Source retracted the claim"));
        desk.as(editor).get(edition(id, "ru")).then().body("state", equalTo("APPROVED")).body("publishAt", nullValue());
        desk.anonymous().get("/public/en/articles/" + enSlug).then().statusCode(410);
        desk.as(editor).get("/api/articles/" + id).then().body("state", equalTo("WITHDRAWN"));
        assertEquals(2L, desk.database().value(
                "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND topic = 'withdraw'", id));
    }

    @Test
    void aTranslationWaitsForItsSource() {
        String id = stories.create(editor, "uk");
        stories.arrangeTranslation(id, "en", "APPROVED");

        stories.publish(editor, id, "en").then().statusCode(409)
                .body("detail", containsString("source")).body("currentState", equalTo("APPROVED"));

        stories.publish(editor, id, "uk").then().statusCode(200);
        stories.publish(editor, id, "en").then().statusCode(200).body("state", equalTo("PUBLISHED"));
        desk.as(editor).get("/api/articles/" + id).then().body("state", equalTo("PUBLISHED"));
    }

    @Test
    void withdrawingOneTranslationLeavesTheRestLive() {
        String id = stories.create(editor, "uk");
        stories.publish(editor, id, "uk").then().statusCode(200);
        stories.arrangeTranslation(id, "en", "PUBLISHED");

        stories.withdraw(editor, id, "en", "Bad translation").then().statusCode(200);

        desk.as(editor).get(edition(id, "uk")).then().body("state", equalTo("PUBLISHED"));
    }
}
