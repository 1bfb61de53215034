package newsdesk.article;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.Stories;
import newsdesk.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static newsdesk.testing.Stories.edition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scheduled editions go out once when due, with two server instances polling one database of their own
 * (the shared test server must not publish them): each edition is published by exactly one of them, as
 * their logs show; and once the first instance is stopped, the second one publishes everything alone.
 */
class ScheduledPublicationIT {

    private static final int STORIES = 12;

    @Test
    void dueEditionsArePublishedOnceByOneOfTwoInstancesAndTheSecondCarriesOnAlone() {
        try (TestDatabase database = TestDatabase.create();
             ServerProcess first = instance("first", database);
             ServerProcess second = instance("second", database)) {
            Desk viaFirst = new Desk(first.baseUri(), database, null);
            Desk.Person editor = viaFirst.newEditor();

            List<String> together = schedule(viaFirst, editor, STORIES);
            awaitPublished(viaFirst, editor, together);
            awaitLogged(together, first, second);
            for (String id : together) {
                assertEquals(1L, database.value(
                        "SELECT count(*) FROM events WHERE article_id = ?::uuid AND action = 'publish-due'", id), id);
                assertEquals(1L, database.value(
                        "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND topic = 'publish-due'", id), id);
                assertEquals(1, publications(first, id) + publications(second, id), "instances that published " + id);
            }

            first.stop();
            Desk viaSecond = new Desk(second.baseUri(), database, null);
            List<String> alone = schedule(viaSecond, editor, 3);
            awaitPublished(viaSecond, editor, alone);
            awaitLogged(alone, second);
            for (String id : alone) {
                assertEquals(1, publications(second, id), "the second instance published " + id);
                assertEquals(0, publications(first, id), id);
            }
        }
    }

    private static ServerProcess instance(String name, TestDatabase database) {
        return ServerProcess.start(name + "-scheduler", Map.of(
                "NEWSDESK_DB_URL", database.url(),
                "NEWSDESK_ADMIN_PASSWORD", NewsdeskServer.ADMIN_PASSWORD,
                "NEWSDESK_DATA_DIR", Path.of("target", "it", name + "-" + database.name()).toString(),
                "NEWSDESK_SCHEDULER_INTERVAL_SECONDS", "1"));
    }

    /** Stories scheduled a few seconds ahead (time enough to schedule them all), so both instances poll when due. */
    private static List<String> schedule(Desk desk, Desk.Person editor, int count) {
        Stories stories = new Stories(desk);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(stories.create(editor, "en"));
        }
        Instant at = Instant.now().plusSeconds(5 + count);
        for (String id : ids) {
            desk.as(editor).header("If-Match", stories.etag(editor, id, "en")).body(Map.of("at", at.toString()))
                    .post(edition(id, "en") + "/publish").then().statusCode(200);
        }
        return ids;
    }

    /** How often the instance's log says it published the story's scheduled edition. */
    private static int publications(ServerProcess server, String articleId) {
        return (int) server.log().lines()
                .filter(line -> line.contains("published the scheduled en edition of article " + articleId)).count();
    }

    /** The scheduler logs after its commit, a moment after readers already see the publication. */
    private static void awaitLogged(List<String> ids, ServerProcess... servers) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline) && ids.stream().anyMatch(id -> java.util.Arrays.stream(servers)
                .mapToInt(server -> publications(server, id)).sum() == 0)) {
            sleep();
        }
    }

    private static void awaitPublished(Desk desk, Desk.Person editor, List<String> ids) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
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
