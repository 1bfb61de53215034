package newsdesk.account;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bearer tokens are remembered per instance (README "Tokens remembered in memory"): a sign-out or account change
 * made on one instance is refused there at once and on another instance on the same database within the bound,
 * also when that instance's listening connection was killed.
 */
@ExtendWith(NewsdeskServer.class)
class TokenCacheIT {

    /** newsdesk.tokens.staleness.seconds' default, the bound README states. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String LISTENERS = "FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = '" + TokenCache.APPLICATION_NAME + "'";

    private static ServerProcess second;
    private final Desk desk;

    TokenCacheIT(Desk desk) {
        this.desk = desk;
    }

    @BeforeAll
    static void startSecondInstance(Desk desk) {
        second = ServerProcess.start("tokens-second", Map.of(
                "NEWSDESK_DB_URL", desk.database().url(),
                "NEWSDESK_DATA_DIR", Path.of("target", "it", "tokens-second-" + desk.database().name()).toString()));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private static RequestSpecification onSecond(Desk.Person person) {
        return RestAssured.given().baseUri(second.baseUri().toString()).header("Authorization", "Bearer " + person.token());
    }

    @Test
    void aTokenSignedOutOnOneInstanceIsRefusedByTheOtherWithinTheBound() throws Exception {
        awaitListeners(2);
        Desk.Person person = desk.newEditor();
        // Both instances remember the token…
        desk.as(person).get("/api/me").then().statusCode(200);
        onSecond(person).get("/api/me").then().statusCode(200);

        desk.as(person).delete("/api/auth/tokens/current").then().statusCode(204);

        // …the one that signed out refuses it at once, the other within the bound.
        desk.as(person).get("/api/me").then().statusCode(401).body("detail", containsString("revoked"));
        assertRefusedWithinBound(person, "revoked");
    }

    @Test
    void aDeskSessionSignedOutOnOneInstanceIsRefusedByTheOtherWithinTheBound() throws Exception {
        awaitListeners(2);
        Desk.Person person = desk.newEditor();
        io.restassured.response.Response signedIn = desk.anonymous()
                .body(Map.of("username", person.username(), "password", person.password())).post("/api/desk/session");
        signedIn.then().statusCode(201);
        String cookie = signedIn.cookie("nd_session");
        String csrf = signedIn.path("csrfToken");
        // Both instances remember the session; its secret is still no bearer token, remembered or not.
        desk.anonymous().cookie("nd_session", cookie).get("/api/me").then().statusCode(200)
                .body("username", equalTo(person.username()));
        RestAssured.given().baseUri(second.baseUri().toString()).cookie("nd_session", cookie).get("/api/me").then()
                .statusCode(200);
        desk.anonymous().header("Authorization", "Bearer " + cookie).get("/api/me").then().statusCode(401);
        // A remembered session still wants its CSRF token for a write.
        desk.anonymous().cookie("nd_session", cookie).delete("/api/desk/session").then().statusCode(403);

        desk.anonymous().cookie("nd_session", cookie).header("X-CSRF-Token", csrf).delete("/api/desk/session").then()
                .statusCode(204);

        // …the instance that signed out refuses it at once, the other within the bound.
        desk.anonymous().cookie("nd_session", cookie).get("/api/me").then().statusCode(401);
        awaitWithinBound(() -> RestAssured.given().baseUri(second.baseUri().toString()).cookie("nd_session", cookie)
                .get("/api/me").statusCode() == 401, "a 401 from the second instance");
    }

    @Test
    void aRoleChangeOnOneInstanceReachesTheOtherWithinTheBound() throws Exception {
        awaitListeners(2);
        Desk.Person person = desk.newPerson(List.of("TRANSLATOR"), "uk");
        desk.as(person).get("/api/me").then().statusCode(200).body("roles", equalTo(List.of("TRANSLATOR")));
        onSecond(person).get("/api/me").then().statusCode(200).body("roles", equalTo(List.of("TRANSLATOR")));

        String etag = desk.asAdmin().get("/api/accounts/" + person.id()).then().extract().header("ETag");
        desk.asAdmin().header("If-Match", etag).body(Map.of("roles", List.of("REVIEWER")))
                .patch("/api/accounts/" + person.id()).then().statusCode(200);

        desk.as(person).get("/api/me").then().statusCode(200).body("roles", equalTo(List.of("REVIEWER")));
        awaitWithinBound(() -> onSecond(person).get("/api/me").then().statusCode(200).extract()
                .<List<String>>path("roles").equals(List.of("REVIEWER")), "the new role on the second instance");
    }

    @Test
    void aDeactivationReachesTheOtherInstanceEvenWhenItsListeningConnectionWasKilled() throws Exception {
        awaitListeners(2);
        Desk.Person person = desk.newEditor();
        onSecond(person).get("/api/me").then().statusCode(200);

        Object killed = desk.database().value("SELECT count(pg_terminate_backend(pid)) " + LISTENERS);
        assertEquals(2L, ((Number) killed).longValue(), "both instances listen on a connection of their own");
        String etag = desk.asAdmin().get("/api/accounts/" + person.id()).then().extract().header("ETag");
        desk.asAdmin().header("If-Match", etag).body(Map.of("active", false))
                .patch("/api/accounts/" + person.id()).then().statusCode(200);

        desk.as(person).get("/api/me").then().statusCode(401).body("detail", containsString("deactivated"));
        assertRefusedWithinBound(person, "deactivated");
        awaitListeners(2);
    }

    private void assertRefusedWithinBound(Desk.Person person, String reason) throws InterruptedException {
        awaitWithinBound(() -> onSecond(person).get("/api/me").statusCode() == 401, "a 401 from the second instance");
        onSecond(person).get("/api/me").then().statusCode(401).body("detail", containsString(reason));
    }

    private static void awaitWithinBound(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + what + " within " + BOUND.toMillis() + " ms of the change");
    }

    private void awaitListeners(int instances) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String sql = "SELECT count(*) " + LISTENERS;
        while (((Number) desk.database().value(sql)).intValue() < instances && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(instances, ((Number) desk.database().value(sql)).intValue(), "instances listening");
    }
}
