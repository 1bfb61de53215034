package newsdesk.account;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NewsdeskServer.class)
class AccountsIT {

    private final Desk desk;

    AccountsIT(Desk desk) {
        this.desk = desk;
    }

    private static Map<String, Object> account(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Олена Коваль 📰");
        body.put("password", "a long enough password");
        body.put("roles", List.of("TRANSLATOR", "REVIEWER"));
        body.put("languages", List.of("uk", "en"));
        return body;
    }

    @Test
    void anAdminCreatesAnAccountAndReadsItBack() {
        String username = "olena-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = desk.asAdmin().body(account(username)).post("/api/accounts");
        created.then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("username", equalTo(username))
                .body("displayName", equalTo("Олена Коваль 📰"))
                .body("roles", equalTo(List.of("TRANSLATOR", "REVIEWER")))
                .body("languages", equalTo(List.of("uk", "en")))
                .body("active", equalTo(true))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/accounts/" + id), created.header("Location"));

        desk.asAdmin().get(created.header("Location")).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("username", equalTo(username));
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        String username = "Taras-" + UUID.randomUUID().toString().substring(0, 8);
        desk.asAdmin().body(account(username)).post("/api/accounts").then().statusCode(201);

        desk.asAdmin().body(account(username.toLowerCase())).post("/api/accounts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/duplicate"))
                .body("detail", containsString("taken"));
    }

    @Test
    void invalidFieldsAreAllListed() {
        Map<String, Object> body = account("bad name with spaces");
        body.put("displayName", " ");
        body.put("password", "short");

        desk.asAdmin().body(body).post("/api/accounts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("displayName", "password", "username")));
    }

    @Test
    void unknownRolesAndLanguagesAre422AndCreateNothing() {
        String username = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = account(username);
        body.put("roles", List.of("WIZARD"));
        body.put("languages", List.of("xx"));

        desk.asAdmin().body(body).post("/api/accounts")
                .then().statusCode(422).body("errors.field", hasItem("roles"));
        body.put("roles", List.of("EDITOR"));
        desk.asAdmin().body(body).post("/api/accounts")
                .then().statusCode(422).body("errors[0].field", equalTo("languages"))
                .body("errors[0].message", containsString("xx"));
        assertEquals(0L, desk.database().value("SELECT count(*) FROM accounts WHERE username = ?", username));
    }

    @Test
    void malformedJsonIs400() {
        desk.asAdmin().body("{\"username\": \"x\",").post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("detail", not(containsString("Exception")));
        desk.asAdmin().body("{\"username\": [1, 2]}").post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void changesNeedTheCurrentETag() {
        Desk.Person person = desk.newEditor();
        String path = "/api/accounts/" + person.id();

        desk.asAdmin().body(Map.of("displayName", "No precondition")).patch(path)
                .then().statusCode(428).body("type", equalTo("/problems/precondition-required"));

        String etag = desk.asAdmin().get(path).then().extract().header("ETag");
        desk.asAdmin().header("If-Match", etag).body(Map.of("displayName", "First", "roles", List.of("EDITOR", "REVIEWER")))
                .patch(path).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("displayName", equalTo("First"))
                .body("roles", equalTo(List.of("EDITOR", "REVIEWER")));

        desk.asAdmin().header("If-Match", etag).body(Map.of("displayName", "Second")).patch(path)
                .then().statusCode(412).body("type", equalTo("/problems/precondition-failed"))
                .body("currentETag", equalTo("\"2\""));
        desk.asAdmin().get(path).then().body("displayName", equalTo("First"));
    }

    @Test
    void aBlankOrMalformedIfMatchIsAProblemNeverAChange() {
        Desk.Person person = desk.newEditor();
        String path = "/api/accounts/" + person.id();
        desk.asAdmin().header("If-Match", " ").body(Map.of("displayName", "Blank")).patch(path)
                .then().statusCode(428).contentType("application/problem+json");
        desk.asAdmin().header("If-Match", "garbage").body(Map.of("displayName", "Garbage")).patch(path)
                .then().statusCode(400).contentType("application/problem+json");
        desk.asAdmin().header("If-Match", "\"2\", \"3\"").body(Map.of("displayName", "Stale")).patch(path)
                .then().statusCode(412).contentType("application/problem+json").body("currentETag", equalTo("\"1\""));
        desk.asAdmin().get(path).then().header("ETag", equalTo("\"1\"")).body("displayName", equalTo("Test " + person.username()));
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        Desk.Person person = desk.newEditor();
        String path = "/api/accounts/" + person.id();
        String etag = desk.asAdmin().get(path).then().extract().header("ETag");
        desk.asAdmin().header("If-Match", etag).body(Map.of("password", "a brand new password")).patch(path)
                .then().statusCode(200);

        desk.anonymous().body(Map.of("username", person.username(), "password", person.password()))
                .post("/api/auth/tokens").then().statusCode(401);
        // Sessions signed in with the old password end with it.
        desk.as(person).get("/api/me").then().statusCode(401);
        desk.signIn(person.username(), "a brand new password");
    }

    @Test
    void deactivationRevokesEveryTokenAndReactivationDoesNotReviveThem() {
        Desk.Person person = desk.newEditor();
        String laptop = desk.signIn(person.username(), person.password());
        String path = "/api/accounts/" + person.id();

        String etag = desk.asAdmin().get(path).then().extract().header("ETag");
        etag = desk.asAdmin().header("If-Match", etag).body(Map.of("active", false)).patch(path)
                .then().statusCode(200).extract().header("ETag");
        desk.asAdmin().header("If-Match", etag).body(Map.of("active", true)).patch(path)
                .then().statusCode(200).body("active", equalTo(true));

        for (String token : List.of(person.token(), laptop)) {
            desk.anonymous().header("Authorization", "Bearer " + token).get("/api/me")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("revoked"));
        }
        assertEquals(0L, desk.database().value(
                "SELECT count(*) FROM api_tokens WHERE account_id = ?::uuid AND revoked_at IS NULL", person.id()));
        // Signing in again is how the re-activated person gets back in.
        desk.anonymous().header("Authorization", "Bearer " + desk.signIn(person.username(), person.password()))
                .get("/api/me").then().statusCode(200);
    }

    @Test
    void creatingWithAnIdempotencyKeyHappensOnce() {
        String username = "ivan-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Response first = desk.asAdmin().header("Idempotency-Key", key).body(account(username)).post("/api/accounts");
        first.then().statusCode(201).header("Idempotent-Replayed", "false");

        Response replay = desk.asAdmin().header("Idempotency-Key", key).body(account(username)).post("/api/accounts");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("$", not(hasKey("passwordHash")));
        assertEquals(1L, desk.database().value("SELECT count(*) FROM accounts WHERE lower(username) = ?",
                username.toLowerCase()));

        Map<String, Object> otherName = account(username);
        otherName.put("displayName", "Someone else");
        Map<String, Object> otherPassword = account(username);
        otherPassword.put("password", "another long password");
        for (Map<String, Object> other : List.of(otherName, otherPassword)) {
            desk.asAdmin().header("Idempotency-Key", key).body(other).post("/api/accounts")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }

    @Test
    void theLastActiveAdminCannotBeDemoted() {
        desk.database().sql("UPDATE accounts SET roles = array_remove(roles, 'ADMIN') WHERE username <> 'admin'");
        String path = "/api/accounts/" + desk.admin().id();
        String etag = desk.asAdmin().get(path).then().extract().header("ETag");

        desk.asAdmin().header("If-Match", etag).body(Map.of("roles", List.of("EDITOR"))).patch(path)
                .then().statusCode(409).body("detail", containsString("admin"));
        desk.asAdmin().get(path).then().statusCode(200).body("roles", equalTo(List.of("ADMIN")));
    }

    @Test
    void listingPagesThroughEveryAccountOnce() {
        for (int i = 0; i < 3; i++) {
            desk.newEditor();
        }
        long total = (Long) desk.database().value("SELECT count(*) FROM accounts");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = desk.asAdmin().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/accounts");
            page.then().statusCode(200);
            List<String> usernames = page.path("items.username");
            assertTrue(usernames.size() <= 2);
            seen.addAll(usernames);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertEquals(total, seen.stream().distinct().count());
    }

    @Test
    void limitsAreClampedAndCursorsChecked() {
        desk.asAdmin().queryParam("limit", 1000).get("/api/accounts").then().statusCode(200);
        desk.asAdmin().queryParam("limit", 0).get("/api/accounts").then().statusCode(422);
        desk.asAdmin().queryParam("cursor", "%%%").get("/api/accounts").then().statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anUnknownAccountIs404() {
        desk.asAdmin().get("/api/accounts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        desk.asAdmin().get("/api/accounts/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json").body("detail", endsWith("not-a-uuid"));
    }
}
