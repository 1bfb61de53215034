package newsdesk.desk;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A claim whose database connection dies mid-transaction leaves the task claimable, and the server serving. */
@ExtendWith(NewsdeskServer.class)
class ClaimFaultIT {

    private final Desk desk;
    private final Stories stories;

    ClaimFaultIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
    }

    @Test
    void aKilledClaimTransactionLeavesTheTaskOpen() throws Exception {
        Desk.Person editor = desk.newEditor();
        Desk.Person translator = desk.newTranslator("en");
        String articleId = stories.create(editor, "uk");
        String taskId = desk.as(editor).body(Map.of("languages", List.of("en")))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");

        CompletableFuture<Response> claim;
        try (Connection blocker = DriverManager.getConnection(desk.database().url())) {
            // Hold the task's row so the server's claim transaction has to wait inside its UPDATE.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("SELECT id FROM tasks WHERE id = '" + taskId + "' FOR UPDATE");
            claim = CompletableFuture.supplyAsync(() -> desk.as(translator).post("/api/tasks/" + taskId + "/claim"));

            int waitingBackend = awaitBlockedServerBackend(Duration.ofSeconds(20));
            desk.database().admin("SELECT pg_terminate_backend(" + waitingBackend + ")");
            Response failed = claim.get(30, TimeUnit.SECONDS);
            assertTrue(failed.statusCode() >= 500, failed.asString());
            assertEquals("application/problem+json;charset=utf-8", failed.contentType().replace(" ", ""));
            blocker.rollback();
        }

        desk.as(translator).get("/api/tasks/" + taskId).then().statusCode(200).body("state", equalTo("OPEN"));
        desk.as(translator).post("/api/tasks/" + taskId + "/claim").then().statusCode(200).body("state", equalTo("CLAIMED"));
        desk.anonymous().get("/health/ready").then().statusCode(200);
    }

    /** The server's connection that is waiting for our row lock. */
    private int awaitBlockedServerBackend(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Object pid = desk.database().value("""
                    SELECT pid FROM pg_stat_activity
                     WHERE datname = current_database() AND application_name = 'newsdesk' AND wait_event_type = 'Lock'
                     LIMIT 1""");
            if (pid != null) {
                return (Integer) pid;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the claim never waited for the lock");
    }
}
