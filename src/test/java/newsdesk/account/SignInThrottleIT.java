package newsdesk.account;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in throttling by client address (issue 8, hole 4). Runs a second instance on the shared database
 * that trusts X-Forwarded-For from 127.0.0.1, so one test client can speak from many addresses; it also
 * has small limits and purges every second; it also marks the desk cookie Secure when the proxy says https. The shared server keeps the default (header ignored).
 */
@ExtendWith(NewsdeskServer.class)
class SignInThrottleIT {

    private static final int MAX_FAILURES = 3;
    private static final int ADDRESS_MAX_FAILURES = 8;

    private static ServerProcess proxied;

    private final Desk desk;

    SignInThrottleIT(Desk desk) {
        this.desk = desk;
    }

    @BeforeAll
    static void startBehindAProxy(Desk desk) {
        proxied = ServerProcess.start("behind-proxy", Map.of(
                "NEWSDESK_DB_URL", desk.database().url(),
                "NEWSDESK_DATA_DIR", Path.of("target", "it", "proxied-" + desk.database().name()).toString(),
                "NEWSDESK_HTTP_TRUSTED_PROXIES", "127.0.0.1,::1",
                "NEWSDESK_LOGIN_MAX_FAILURES", String.valueOf(MAX_FAILURES),
                "NEWSDESK_LOGIN_ADDRESS_MAX_FAILURES", String.valueOf(ADDRESS_MAX_FAILURES),
                "NEWSDESK_LOGIN_PURGE_SECONDS", "1"));
    }

    @AfterAll
    static void stop() {
        if (proxied != null) {
            proxied.close();
        }
    }

    private static RequestSpecification from(String forwardedFor) {
        return RestAssured.given().baseUri(proxied.baseUri().toString()).contentType(ContentType.JSON)
                .header("X-Forwarded-For", forwardedFor);
    }

    private static int signIn(String forwardedFor, String username, String password) {
        return from(forwardedFor).body(Map.of("username", username, "password", password))
                .post("/api/auth/tokens").statusCode();
    }

    @Test
    void guessesFromOneAddressDoNotLockOutTheRightPasswordFromAnother() {
        Desk.Person target = desk.newEditor();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, signIn("203.0.113.10", target.username(), "guess-" + i));
        }

        from("203.0.113.10").body(Map.of("username", target.username(), "password", target.password()))
                .post("/api/auth/tokens")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("/problems/too-many-requests"));
        assertEquals(201, signIn("198.51.100.10", target.username(), target.password()));
        // The hop our proxy appended counts, not what the client claimed before it.
        assertEquals(429, signIn("198.51.100.77, 203.0.113.10", target.username(), target.password()));
    }

    @Test
    void oneAddressGuessingAcrossManyUsernamesIsThrottled() {
        Desk.Person bystander = desk.newEditor();
        for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
            assertEquals(401, signIn("203.0.113.20", "nobody-" + UUID.randomUUID(), "guess"));
        }

        from("203.0.113.20").body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "guess"))
                .post("/api/auth/tokens")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", equalTo("Too many failed sign-ins from your address; try again later"));
        assertEquals(429, signIn("203.0.113.20", bystander.username(), bystander.password()));
        assertEquals(201, signIn("198.51.100.20", bystander.username(), bystander.password()));
    }

    @Test
    void rightPasswordsInBetweenDoNotWipeAnAddressesFailures() {
        Desk.Person insider = desk.newEditor();
        for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
            assertEquals(401, signIn("203.0.113.30", "nobody-" + UUID.randomUUID(), "guess"));
            if (i < ADDRESS_MAX_FAILURES - 1) {
                assertEquals(201, signIn("203.0.113.30", insider.username(), insider.password()));
            }
        }
        assertEquals(429, signIn("203.0.113.30", "nobody-" + UUID.randomUUID(), "guess"));
    }

    @Test
    void failureCountsOlderThanTheWindowArePurged() {
        String stale = "stale-" + UUID.randomUUID() + "@192.0.2.1";
        String fresh = "fresh-" + UUID.randomUUID() + "@192.0.2.1";
        desk.database().sql("INSERT INTO login_failures VALUES (?, 3, now() - interval '16 minutes')", stale);
        desk.database().sql("INSERT INTO login_failures VALUES (?, 3, now())", fresh);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (count(stale) > 0 && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertEquals(0L, count(stale));
        assertEquals(1L, count(fresh));
    }

    @Test
    void theDeskCookieIsSecureWhenATrustedProxyEndedTls() {
        Desk.Person editor = desk.newEditor();
        Map<String, String> credentials = Map.of("username", editor.username(), "password", editor.password());

        String behindTls = from("198.51.100.7").header("X-Forwarded-Proto", "https").body(credentials)
                .post("/api/desk/session").then().statusCode(201).extract().header("Set-Cookie");
        assertTrue(behindTls.contains("; Secure"), behindTls);

        String plainHttp = from("198.51.100.7").header("X-Forwarded-Proto", "http").body(credentials)
                .post("/api/desk/session").then().statusCode(201).extract().header("Set-Cookie");
        assertFalse(plainHttp.contains("Secure"), plainHttp);

        // The shared server trusts no proxy: anyone could send the header, so it changes nothing there.
        String untrusted = desk.anonymous().header("X-Forwarded-Proto", "https").body(credentials)
                .post("/api/desk/session").then().statusCode(201).extract().header("Set-Cookie");
        assertFalse(untrusted.contains("Secure"), untrusted);
    }

    private long count(String key) {
        return (Long) desk.database().value("SELECT count(*) FROM login_failures WHERE throttle_key = ?", key);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
