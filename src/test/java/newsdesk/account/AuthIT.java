package newsdesk.account;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@ExtendWith(NewsdeskServer.class)
class AuthIT {

    private final Desk desk;

    AuthIT(Desk desk) {
        this.desk = desk;
    }

    @Test
    void signingInReturnsATokenThatIdentifiesTheAccount() {
        Desk.Person olena = desk.newPerson(List.of("TRANSLATOR", "REVIEWER"), "en", "uk");

        String token = desk.anonymous().body(Map.of("username", olena.username(), "password", olena.password(),
                        "name", "laptop"))
                .post("/api/auth/tokens")
                .then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("token", matchesPattern("nd_[A-Za-z0-9_-]{43}"))
                .body("expiresAt", notNullValue())
                .body("name", equalTo("laptop"))
                .extract().path("token");

        desk.anonymous().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo(olena.username()))
                .body("roles", hasItems("TRANSLATOR", "REVIEWER"))
                .body("languages", equalTo(List.of("en", "uk")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
    }

    @Test
    void usernamesAreCaseInsensitiveWhenSigningIn() {
        Desk.Person person = desk.newEditor();
        desk.anonymous().body(Map.of("username", person.username().toUpperCase(), "password", person.password()))
                .post("/api/auth/tokens").then().statusCode(201);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Desk.Person person = desk.newEditor();
        String wrongPassword = desk.anonymous().body(Map.of("username", person.username(), "password", "not-it"))
                .post("/api/auth/tokens")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("/problems/unauthenticated"))
                .extract().path("detail");
        String unknownUser = desk.anonymous().body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "x"))
                .post("/api/auth/tokens")
                .then().statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void tokensAreStoredOnlyAsSha256() {
        Desk.Person person = desk.newEditor();
        byte[] expectedHash = sha256(person.token());
        Object stored = desk.database().value(
                "SELECT count(*) FROM api_tokens WHERE token_hash = ?", expectedHash);
        assertEquals(1L, stored);
        Object plain = desk.database().value(
                "SELECT count(*) FROM api_tokens t WHERE t::text LIKE ?", "%" + person.token().substring(3) + "%");
        assertEquals(0L, plain);
        String passwordHash = (String) desk.database().value(
                "SELECT password_hash FROM accounts WHERE id = ?::uuid", person.id());
        assertNotEquals(person.password(), passwordHash);
        org.junit.jupiter.api.Assertions.assertTrue(passwordHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"),
                passwordHash);
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughTheServerRemembersIt() {
        try (Desk.OwnServer own = new Desk.OwnServer("tokens-expiry", Map.of("NEWSDESK_TOKENS_TTL_HOURS", "1"))) {
            Desk.Person person = own.desk().newEditor();
            // Used once, so the server recognises it from memory from now on; expiry is still checked per request.
            own.desk().as(person).get("/api/me").then().statusCode(200);
            own.advanceClock(3601);

            own.desk().as(person).get("/api/me")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("expired"));
        }
    }

    @Test
    void signingOutRevokesOnlyThatToken() {
        Desk.Person person = desk.newEditor();
        String secondToken = desk.signIn(person.username(), person.password());

        desk.as(person).delete("/api/auth/tokens/current").then().statusCode(204);

        desk.as(person).get("/api/me").then().statusCode(401).body("detail", containsString("revoked"));
        desk.anonymous().header("Authorization", "Bearer " + secondToken).get("/api/me").then().statusCode(200);
    }

    @Test
    void lastUseIsRecorded() {
        Desk.Person person = desk.newEditor();
        desk.as(person).get("/api/me").then().statusCode(200);
        Object lastUsed = desk.database().value("SELECT last_used_at FROM api_tokens WHERE token_hash = ?",
                sha256(person.token()));
        org.junit.jupiter.api.Assertions.assertNotNull(lastUsed);
    }

    @Test
    void garbageAndMissingCredentialsAre401() {
        desk.anonymous().header("Authorization", "Bearer nd_not-a-real-token").get("/api/me")
                .then().statusCode(401).body("type", equalTo("/problems/unauthenticated"));
        desk.anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/me")
                .then().statusCode(401);
        desk.anonymous().get("/api/me")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void repeatedFailuresAreThrottledPerUsernameFromOneAddress() {
        Desk.Person target = desk.newEditor();
        Desk.Person bystander = desk.newEditor();
        for (int i = 0; i < 5; i++) {
            desk.anonymous().body(Map.of("username", target.username(), "password", "guess-" + i))
                    .post("/api/auth/tokens").then().statusCode(401);
        }

        // Even the right password waits now: the throttle must not tell a guesser when they hit it.
        desk.anonymous().body(Map.of("username", target.username(), "password", target.password()))
                .post("/api/auth/tokens")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("/problems/too-many-requests"));
        // Other people are not affected.
        desk.anonymous().body(Map.of("username", bystander.username(), "password", bystander.password()))
                .post("/api/auth/tokens").then().statusCode(201);
        // When the window has passed, the right password works again.
        desk.database().sql("UPDATE login_failures SET window_started_at = now() - interval '1 hour' WHERE throttle_key LIKE ?",
                target.username().toLowerCase() + "@%");
        desk.anonymous().body(Map.of("username", target.username(), "password", target.password()))
                .post("/api/auth/tokens").then().statusCode(201);
    }

    @Test
    void aLockedUsernameCannotBeReachedThroughAUnicodeLookAlike() {
        // Hole 1: "İ" (U+0130) lower-cases to "i" in PostgreSQL but to "i̇" in Java; it once gave a fresh counter.
        String username = "iiacc" + UUID.randomUUID().toString().substring(0, 8);
        String password = "password of " + username;
        desk.asAdmin().body(Map.of("username", username, "displayName", "Look-alike target", "password", password))
                .post("/api/accounts").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            desk.anonymous().body(Map.of("username", username, "password", "guess-" + i))
                    .post("/api/auth/tokens").then().statusCode(401);
        }

        for (String lookAlike : List.of("İ" + username.substring(1), "ı" + username.substring(1),
                username.replace("c", "\u0441"), "\uFF49" + username.substring(1))) {
            desk.anonymous().body(Map.of("username", lookAlike, "password", password))
                    .post("/api/auth/tokens")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", equalTo("Wrong username or password"));
        }
        desk.anonymous().body(Map.of("username", username.toUpperCase(java.util.Locale.ROOT), "password", password))
                .post("/api/auth/tokens").then().statusCode(429);
    }

    @Test
    void xForwardedForCountsForNothingUnlessAProxyIsTrusted() {
        Desk.Person target = desk.newEditor();
        for (int i = 0; i < 5; i++) {
            desk.anonymous().header("X-Forwarded-For", "198.51.100." + i)
                    .body(Map.of("username", target.username(), "password", "guess-" + i))
                    .post("/api/auth/tokens").then().statusCode(401);
        }
        desk.anonymous().header("X-Forwarded-For", "198.51.100.99")
                .body(Map.of("username", target.username(), "password", target.password()))
                .post("/api/auth/tokens").then().statusCode(429);
    }

    @Test
    void aDeactivatedAccountLosesAccessAtOnce() {
        Desk.Person person = desk.newEditor();
        desk.as(person).get("/api/me").then().statusCode(200);
        String etag = desk.asAdmin().get("/api/accounts/" + person.id()).then().statusCode(200).extract().header("ETag");
        desk.asAdmin().header("If-Match", etag).body(Map.of("active", false))
                .patch("/api/accounts/" + person.id()).then().statusCode(200).body("active", equalTo(false));

        desk.as(person).get("/api/me").then().statusCode(401).body("detail", containsString("deactivated"));
        desk.anonymous().body(Map.of("username", person.username(), "password", person.password()))
                .post("/api/auth/tokens").then().statusCode(401);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
