package newsdesk.desk;

import newsdesk.testing.Desk;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leases that run out. These tests move the server's clock, so they run on a server of their own: the
 * shared one's clock (month archives, scheduled publication) stays where the other tests expect it.
 */
class LeaseExpiryIT {

    private static Desk.OwnServer server;
    private static Desk desk;
    private static Stories stories;
    private static Desk.Person editor;

    @BeforeAll
    static void start() {
        server = new Desk.OwnServer("lease-expiry", Map.of("NEWSDESK_DESK_SWEEP_SECONDS", "1"));
        desk = server.desk();
        stories = new Stories(desk);
        editor = desk.newEditor();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String openTask(String language) {
        String id = stories.create(editor, "uk");
        return desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + id + "/translations").then().statusCode(201).extract().path("[0].id");
    }

    @Test
    void aLapsedLeaseReturnsTheTaskAndTheOldHolderIsRefused() {
        String lang = desk.newLanguage();
        String taskId = openTask(lang);
        Desk.Person slow = desk.newTranslator(lang);
        Desk.Person quick = desk.newTranslator(lang);
        String etag = desk.as(slow).post("/api/tasks/" + taskId + "/claim").then().statusCode(200)
                .extract().header("ETag");

        server.advanceClock(121 * 60);

        // Anyone may take it now, sweeper or not: a claim first returns lapsed leases to the queue.
        desk.as(quick).post("/api/tasks/" + taskId + "/claim").then().statusCode(200)
                .body("holder", equalTo(quick.username()));
        desk.as(slow).header("If-Match", etag).body(Stories.text("Late", "<p>late</p>"))
                .put("/api/tasks/" + taskId + "/draft").then().statusCode(409)
                .body("type", equalTo("/problems/invalid-state")).body("detail", containsString("held by"));
        desk.as(slow).body(Stories.text("Late", "<p>late</p>")).post("/api/tasks/" + taskId + "/submit")
                .then().statusCode(409);
        desk.as(quick).body(Stories.text("On time", "<p>on time</p>")).post("/api/tasks/" + taskId + "/submit")
                .then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void claimNextTakesALapsedClaimWhenNothingIsOpenAndTheTrailSaysWhoLostIt() {
        String lang = desk.newLanguage();
        String taskId = openTask(lang);
        Desk.Person slow = desk.newTranslator(lang);
        Desk.Person quick = desk.newTranslator(lang);
        desk.as(slow).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        desk.as(quick).body(Map.of("language", lang)).post("/api/tasks/claim-next").then().statusCode(204);

        server.advanceClock(121 * 60);

        // The queue is empty, so claim-next looks at lapsed claims (unless the sweeper got there first).
        desk.as(quick).body(Map.of("language", lang)).post("/api/tasks/claim-next").then().statusCode(200)
                .body("id", equalTo(taskId)).body("holder", equalTo(quick.username()))
                .body("state", equalTo("CLAIMED"));
        desk.as(slow).body(Map.of("language", lang)).post("/api/tasks/claim-next").then().statusCode(204);
        String articleId = desk.as(editor).get("/api/tasks/" + taskId).path("articleId");
        List<Map<String, Object>> events = desk.as(editor).get("/api/articles/" + articleId + "/events").path("findAll { it.action == 'lease-expired' || it.action == 'claim' }");
        assertEquals(List.of("claim", "lease-expired", "claim"), events.stream().map(e -> e.get("action")).toList(),
                "claimed, lost to the clock, claimed again: " + events);
        assertTrue(String.valueOf(events.get(1).get("detail")).contains(slow.id()), "the expiry names who lost it");
    }

    @Test
    void theSweeperReturnsLapsedClaimsToTheQueueAndSaysWhoLostThem() throws InterruptedException {
        String lang = desk.newLanguage();
        String taskId = openTask(lang);
        Desk.Person translator = desk.newTranslator(lang);
        desk.as(translator).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);

        server.advanceClock(121 * 60);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String state = "CLAIMED";
        while (!state.equals("OPEN") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = desk.as(editor).get("/api/tasks/" + taskId).path("state");
        }
        assertEquals("OPEN", state, "the sweeper never returned the task");
        String articleId = desk.as(editor).get("/api/tasks/" + taskId).path("articleId");
        desk.as(editor).get("/api/articles/" + articleId + "/events").then()
                .body("action", hasItem("lease-expired"))
                .body("find { it.action == 'lease-expired' }.detail", containsString(translator.id()));
    }

    /**
     * The desk's browser session lapses when unused for its idle time (30 min), not while it is used. It lives
     * here because it needs this server's movable clock (no second own server booted for it).
     */
    @Test
    void aDeskSessionUnusedForItsIdleTimeIsSignedOut() {
        Desk.Person editor = desk.newEditor();
        String cookie = desk.anonymous().body(Map.of("username", editor.username(), "password", editor.password()))
                .post("/api/desk/session").then().statusCode(201).body("idleMinutes", equalTo(30))
                .extract().cookie("nd_session");

        server.advanceClock(20 * 60);
        desk.anonymous().cookie("nd_session", cookie).get("/api/desk/session").then().statusCode(200);
        server.advanceClock(20 * 60);
        // 40 minutes since sign-in, 20 since last use: still signed in.
        desk.anonymous().cookie("nd_session", cookie).get("/api/desk/session").then().statusCode(200)
                .body("username", equalTo(editor.username()));
        server.advanceClock(31 * 60);
        desk.anonymous().cookie("nd_session", cookie).get("/api/desk/session").then().statusCode(401);
        desk.anonymous().cookie("nd_session", cookie).get("/api/me").then().statusCode(401);
    }
}
