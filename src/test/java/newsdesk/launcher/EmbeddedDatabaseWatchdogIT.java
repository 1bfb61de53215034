package newsdesk.launcher;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import newsdesk.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL's postmaster killed under a running server (nobody can start it by hand as root):
 * the server notices, /health/ready is DOWN, the server starts PostgreSQL again on the same data folder,
 * /health/ready is UP again, committed data is there and new writes succeed, all without a server restart.
 */
class EmbeddedDatabaseWatchdogIT {

    private static final String PASSWORD = "watchdog-admin-pw";
    private static final Duration DOWN_LIMIT = Duration.ofSeconds(30);
    private static final Duration UP_LIMIT = Duration.ofSeconds(90);
    private static final Duration LOG_LIMIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKilledEmbeddedPostgresIsStartedAgainAndThePoolRecovers(@TempDir Path dataDir) throws Exception {
        // A short connection wait, so that a readiness check during the outage answers DOWN rather than waiting it out.
        try (ServerProcess server = ServerProcess.start("watchdog", Map.of(
                "NEWSDESK_DATA_DIR", dataDir.toString(), "NEWSDESK_ADMIN_PASSWORD", PASSWORD,
                "NEWSDESK_DB_CONNECT_TIMEOUT_SECONDS", "1"))) {
            String admin = signIn(server, "admin", PASSWORD);
            String before = createAccount(server, admin, "before-kill");
            long postmaster = postmasterPid(dataDir);

            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            Instant down = Instant.now().plus(DOWN_LIMIT);
            while (ready(server)) {
                assertTrue(Instant.now().isBefore(down), "/health/ready stayed UP after PostgreSQL was killed");
                Thread.sleep(50);
            }
            Instant up = Instant.now().plus(UP_LIMIT);
            while (!ready(server)) {
                assertTrue(Instant.now().isBefore(up) && server.process().isAlive(),
                        "/health/ready was not UP again within " + UP_LIMIT + "\n" + server.log());
                Thread.sleep(200);
            }

            assertNotEquals(postmaster, postmasterPid(dataDir), "a new postmaster runs");
            // The watchdog logs once its start returned; the pool may already have reconnected by then.
            Instant logged = Instant.now().plus(LOG_LIMIT);
            while (!server.log().contains("embedded PostgreSQL running again")) {
                assertTrue(Instant.now().isBefore(logged), "no restart logged within " + LOG_LIMIT + "\n" + server.log());
                Thread.sleep(50);
            }
            // The earlier write survived, and the pool serves new ones (the first may meet a dead pooled connection).
            RestAssured.given().baseUri(server.baseUri().toString()).header("Authorization", "Bearer " + admin)
                    .get("/api/accounts/" + before).then().statusCode(200).body("username", equalTo("before-kill"));
            createAccount(server, admin, "after-restart");
            signIn(server, "after-restart", PASSWORD + "-after-restart");
        }
    }

    /**
     * A restart that fails (here its configuration file is missing) is tried again and again, never given up,
     * until it succeeds: once the cause is put right the server recovers by itself, no restart of Newsdesk needed.
     * The pauses between attempts are capped at 1 s here (30 s by default), so that the attempts pass the eighth,
     * from which each failure is logged as an ERROR, within seconds.
     */
    @Test
    void aRestartThatFailsIsTriedAgainUntilPostgresStarts(@TempDir Path dataDir) throws Exception {
        try (ServerProcess server = ServerProcess.start("watchdog-retry", Map.of(
                "NEWSDESK_DATA_DIR", dataDir.toString(), "NEWSDESK_ADMIN_PASSWORD", PASSWORD,
                "NEWSDESK_DB_CONNECT_TIMEOUT_SECONDS", "1", "NEWSDESK_EMBEDDED_DB_RESTART_MAX_PAUSE_SECONDS", "1"))) {
            String admin = signIn(server, "admin", PASSWORD);
            String before = createAccount(server, admin, "before-outage");
            // A running PostgreSQL has read its configuration; without it a new start takes the folder for an empty
            // one and runs initdb, which refuses a folder with data in it.
            Path config = dataDir.resolve("postgres/postgresql.conf");
            Path aside = dataDir.resolve("postgresql.conf.aside");
            Files.move(config, aside);

            ProcessHandle.of(postmasterPid(dataDir)).orElseThrow().destroyForcibly();

            Instant failing = Instant.now().plus(DOWN_LIMIT);
            while (!server.log().contains("did not start again (attempt 9)")) {
                assertTrue(Instant.now().isBefore(failing), "no ninth failed attempt logged\n" + server.log());
                Thread.sleep(100);
            }
            assertFalse(ready(server), "/health/ready is DOWN while PostgreSQL cannot start");
            Files.move(aside, config);

            Instant up = Instant.now().plus(UP_LIMIT);
            while (!ready(server)) {
                assertTrue(Instant.now().isBefore(up) && server.process().isAlive(),
                        "/health/ready was not UP again within " + UP_LIMIT + "\n" + server.log());
                Thread.sleep(200);
            }
            RestAssured.given().baseUri(server.baseUri().toString()).header("Authorization", "Bearer " + admin)
                    .get("/api/accounts/" + before).then().statusCode(200).body("username", equalTo("before-outage"));
            createAccount(server, admin, "after-outage");
        }
    }

    private static boolean ready(ServerProcess server) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    private static String createAccount(ServerProcess server, String admin, String username) {
        return RestAssured.given().baseUri(server.baseUri().toString()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + admin)
                .body(Map.of("username", username, "displayName", "Watched", "password", PASSWORD + "-" + username))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    private static String signIn(ServerProcess server, String username, String password) {
        return RestAssured.given().baseUri(server.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/tokens").then().statusCode(201).extract().path("token");
    }
}
