package newsdesk.article;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static newsdesk.testing.Stories.edition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scheduled editions go out once when due, even with two server instances polling the same database. */
@ExtendWith(NewsdeskServer.class)
class ScheduledPublicationIT {

    private static final int STORIES = 12;

    private final Desk desk;
    private final Stories stories;

    ScheduledPublicationIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
    }

    @Test
    void dueEditionsArePublishedExactlyOnceAcrossTwoInstances() {
        Desk.Person editor = desk.newEditor();
        try (ServerProcess second = ServerProcess.start("second-instance", Map.of(
                "NEWSDESK_DB_URL", desk.database().url(),
                "NEWSDESK_DATA_DIR", Path.of("target", "it", "second-" + desk.database().name()).toString(),
                "NEWSDESK_SCHEDULER_INTERVAL_SECONDS", "1"))) {
            Instant at = Instant.now().plusSeconds(3);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                String id = stories.create(editor, "en");
                desk.as(editor).header("If-Match", stories.etag(editor, id, "en")).body(Map.of("at", at.toString()))
                        .post(edition(id, "en") + "/publish").then().statusCode(200);
                ids.add(id);
            }

            awaitPublished(editor, ids, Duration.ofSeconds(30));

            for (String id : ids) {
                assertEquals(1L, desk.database().value(
                        "SELECT count(*) FROM events WHERE article_id = ?::uuid AND action = 'publish-due'", id), id);
                assertEquals(1L, desk.database().value(
                        "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND topic = 'publish-due'", id), id);
            }
            // Both instances took part, or at least both were polling without stepping on each other.
            assertEquals(200, io.restassured.RestAssured.given().baseUri(second.baseUri().toString())
                    .get("/health/ready").statusCode());
        }
    }

    private void awaitPublished(Desk.Person editor, List<String> ids, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        for (String id : ids) {
            String state;
            do {
                state = desk.as(editor).get(edition(id, "en")).path("state");
                if (!"PUBLISHED".equals(state)) {
                    sleep();
                }
            } while (!"PUBLISHED".equals(state) && Instant.now().isBefore(deadline));
            assertEquals("PUBLISHED", state, "article " + id + " was not published in time");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
