package newsdesk.platform;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** /health follows the database: DOWN while it refuses connections, UP again once it is back. */
@ExtendWith(NewsdeskServer.class)
class HealthIT {

    private final Desk desk;

    HealthIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void readinessIsUpWithADatabaseCheck() {
        desk.anonymous().get("/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
        desk.anonymous().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void pingAnswersNoContentToAnyone() {
        Response ping = desk.anonymous().get("/api/ping");
        assertEquals(204, ping.statusCode());
        assertEquals("", ping.asString());
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnavailable() {
        String database = desk.database().name();
        desk.database().admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        try {
            desk.database().admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database + "' AND pid <> pg_backend_pid()");
            desk.anonymous().get("/health/ready")
                    .then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
            // The proxies' cheap probe asks no database: the process still answers.
            desk.anonymous().get("/api/ping").then().statusCode(204);
            // A request that needs the database fails cleanly, with a problem body, not a hang or a trace.
            desk.anonymous().body("{\"username\":\"admin\",\"password\":\"whatever\"}").post("/api/auth/tokens")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("/problems/database-unavailable"));
        } finally {
            desk.database().admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        assertEquals(200, awaitStatus("/health/ready", 200, Duration.ofSeconds(30)));
        desk.asAdmin().get("/api/me").then().statusCode(200);
    }

    private int awaitStatus(String path, int wanted, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        int status;
        do {
            status = desk.anonymous().get(path).statusCode();
        } while (status != wanted && Instant.now().isBefore(deadline));
        return status;
    }
}
