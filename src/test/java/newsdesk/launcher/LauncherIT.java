package newsdesk.launcher;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar newsdesk.jar} as an operator runs it: zero-config embedded database, restarts, crashes, bad setups. */
class LauncherIT {

    private static final String PASSWORD = "launcher-admin-pw";

    @Test
    void theEmbeddedDatabaseKeepsDataAcrossRestartsAndCrashes(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("NEWSDESK_DATA_DIR", dataDir.toString(), "NEWSDESK_ADMIN_PASSWORD", PASSWORD);
        String accountId;
        int postgresPort;
        try (ServerProcess first = ServerProcess.start("embedded-1", env)) {
            accountId = createAccount(first, "keeper");
            postgresPort = embeddedPostgresPort(dataDir);
            assertEquals(143, first.stop(), "SIGTERM ends the JVM as a signal does");
        }
        assertFalse(listening(postgresPort), "the embedded PostgreSQL stops with the server");
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL shut down cleanly");

        try (ServerProcess second = ServerProcess.start("embedded-2", env)) {
            String token = signIn(second, "keeper");
            RestAssured.given().baseUri(second.baseUri().toString()).header("Authorization", "Bearer " + token)
                    .get("/api/me").then().statusCode(200).body("id", equalTo(accountId));
            second.kill();
        }
        assertTrue(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "kill -9 leaves PostgreSQL running");

        try (ServerProcess third = ServerProcess.start("embedded-3", env)) {
            signIn(third, "keeper");
            assertTrue(third.log().contains("left running by an earlier start"), "the stale server was noticed");
        }
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneClearLine(@TempDir Path dataDir) {
        ServerProcess server = ServerProcess.launch("unreachable", Map.of(
                "NEWSDESK_DATA_DIR", dataDir.toString(),
                "NEWSDESK_DB_URL", "jdbc:postgresql://127.0.0.1:1/newsdesk",
                "NEWSDESK_DB_CONNECT_TIMEOUT_SECONDS", "2",
                "NEWSDESK_DB_CONNECT_WAIT_SECONDS", "2"));
        int exit = server.awaitExit(Duration.ofSeconds(60));
        assertEquals(2, exit, server.log());
        assertTrue(server.log().contains("not reachable yet (attempt 1)"), "it retried within the wait: " + server.log());
        List<String> errors = server.log().lines().filter(l -> l.contains("Newsdesk did not start")).toList();
        assertEquals(1, errors.size(), server.log());
        assertTrue(errors.get(0).contains("cannot reach the database at jdbc:postgresql://127.0.0.1:1/newsdesk"),
                errors.get(0));
        assertTrue(errors.get(0).contains("NEWSDESK_DB_URL"), errors.get(0));
    }

    @Test
    void aFailedMigrationStopsTheStartAndChangesNothing(@TempDir Path dataDir) {
        try (TestDatabase database = TestDatabase.create()) {
            // The schema is at V1, and something else already owns the table V2 creates.
            Flyway.configure().dataSource(database.url(), null, null).locations("filesystem:db/migration")
                    .target("1").load().migrate();
            database.sql("CREATE TABLE site_languages (id integer PRIMARY KEY, note text)");
            database.sql("INSERT INTO site_languages VALUES (1, 'not ours')");
            ServerProcess server = ServerProcess.launch("bad-migration", Map.of(
                    "NEWSDESK_DATA_DIR", dataDir.toString(),
                    "NEWSDESK_DB_URL", database.url()));
            int exit = server.awaitExit(Duration.ofSeconds(60));
            assertNotEquals(0, exit);
            List<String> errors = server.log().lines().filter(l -> l.contains("Newsdesk did not start")).toList();
            assertEquals(1, errors.size(), server.log());
            assertTrue(errors.get(0).contains("database migration failed"), errors.get(0));
            assertTrue(errors.get(0).contains("site_languages"), errors.get(0));
            assertEquals("not ours", database.value("SELECT note FROM site_languages WHERE id = 1"));
            assertEquals(1L, database.value("SELECT count(*) FROM flyway_schema_history WHERE success"));
        }
    }

    @Test
    void anApplicationThatFailsToStartStopsTheStart(@TempDir Path dataDir) {
        // A setting the application refuses while it starts: Payara still reports the deployment done.
        try (TestDatabase database = TestDatabase.create();
             ServerProcess server = ServerProcess.launch("failed-deploy", Map.of(
                     "NEWSDESK_DATA_DIR", dataDir.toString(),
                     "NEWSDESK_DB_URL", database.url(),
                     "NEWSDESK_HTTP_TRUSTED_PROXIES", "not-an-address"))) {
            int exit = server.awaitExit(Duration.ofSeconds(120));
            assertEquals(2, exit, server.log());
            List<String> errors = server.log().lines().filter(l -> l.contains("Newsdesk did not start")).toList();
            assertEquals(1, errors.size(), server.log());
            assertTrue(errors.get(0).contains("failed to deploy"), errors.get(0));
            assertFalse(server.log().contains("Newsdesk is serving"), "the log must not claim it serves");
        }
    }

    private static String createAccount(ServerProcess server, String username) {
        String admin = signIn(server, "admin", PASSWORD);
        return RestAssured.given().baseUri(server.baseUri().toString()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + admin)
                .body(Map.of("username", username, "displayName", "Keeper", "password", PASSWORD + "-" + username))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    private static String signIn(ServerProcess server, String username) {
        return signIn(server, username, PASSWORD + "-" + username);
    }

    private static String signIn(ServerProcess server, String username, String password) {
        return RestAssured.given().baseUri(server.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/tokens").then().statusCode(201).extract().path("token");
    }

    /** postmaster.pid's fourth line is the port. */
    private static int embeddedPostgresPort(Path dataDir) throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
