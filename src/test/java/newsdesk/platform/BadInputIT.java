package newsdesk.platform;

import io.restassured.response.Response;
import newsdesk.platform.JsonText.Raw;
import newsdesk.testing.Desk;
import newsdesk.testing.Endpoints;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON body the API takes, spoiled one member at a time (control characters, lone surrogates,
 * overflowing numbers, wrong JSON types, absurd dates) and as a whole (trailing garbage, duplicate
 * members, broken UTF-8, not an object): each answer is a 400/422 problem naming the member, and
 * nothing is written.
 */
@ExtendWith(NewsdeskServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*Z");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String LATER = "2099-01-01T00:00:00Z";

    /** Text no field may hold: C0 controls other than tab, LF and CR, DEL, lone surrogates, non-characters. */
    static final List<String> FORBIDDEN_TEXT = List.of("\u0000", "before\u0000after", "\u0001", "\u0008", "\u000b",
            "\u001b", "\u001f", "\u007f", "\ud800", "lone \udc00 low", "\uffff");

    private final Desk desk;
    private final Stories stories;
    private final List<Operation> operations = new ArrayList<>();
    private Writes writes;

    BadInputIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
    }

    /** A request with a valid body, the starting point every bad case spoils. */
    record Operation(String name, Desk.Person caller, String method, String path, Supplier<String> ifMatch,
                     Map<String, Object> body) {
    }

    @BeforeAll
    void arrange() {
        writes = new Writes(desk.database());
        Desk.Person admin = desk.admin();
        Desk.Person editor = desk.newEditor();
        String language = desk.newLanguage();
        String otherLanguage = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(language);
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), language);
        Desk.Person signingIn = desk.newPerson(List.of("TRANSLATOR"));

        String published = publishedStory(editor);
        String claimedTask = requestTranslation(editor, published, language);
        String task = "/api/tasks/" + claimedTask;
        desk.as(translator).post(task + "/claim").then().statusCode(200);
        String reviewedStory = publishedStory(editor);
        String submittedTask = "/api/tasks/" + requestTranslation(editor, reviewedStory, language);
        desk.as(translator).post(submittedTask + "/claim").then().statusCode(200);
        desk.as(translator).body(Stories.text("Translated", "<p>Translated</p>")).post(submittedTask + "/submit")
                .then().statusCode(200);
        String draftStory = stories.create(editor, "uk");

        operations.add(new Operation("sign in", null, "POST", "/api/auth/tokens", null,
                body("username", signingIn.username(), "password", signingIn.password(), "name", "laptop")));
        operations.add(new Operation("create account", admin, "POST", "/api/accounts", null,
                body("username", "newcomer-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Newcomer",
                        "password", "a-long-enough-password", "roles", List.of("TRANSLATOR"), "languages", List.of(language))));
        operations.add(new Operation("change account", admin, "PATCH", "/api/accounts/" + translator.id(),
                () -> desk.as(admin).get("/api/accounts/" + translator.id()).header("ETag"),
                body("displayName", "Renamed", "password", "another-long-password", "roles", List.of("TRANSLATOR"),
                        "languages", List.of(language), "active", true)));
        operations.add(new Operation("add language", admin, "PUT", "/api/languages/qzz-x" + UUID.randomUUID()
                .toString().substring(0, 6), null, body("name", "Brand new", "enabled", true)));
        operations.add(new Operation("change language", admin, "PUT", "/api/languages/" + language, () -> "\"1\"",
                body("name", "Renamed", "enabled", true)));
        Map<String, Object> story = new LinkedHashMap<>(Stories.story("uk", "A story " + UUID.randomUUID()));
        story.put("autoPublishTranslations", false);
        operations.add(new Operation("create article", editor, "POST", "/api/articles", null, story));
        if (Endpoints.all().stream().anyMatch(e -> e.toString().equals("PATCH /api/articles/{id}"))) {
            operations.add(new Operation("change article", editor, "PATCH", "/api/articles/" + published,
                    () -> desk.as(editor).get("/api/articles/" + published).header("ETag"),
                    body("section", "politics", "tags", List.of("one", "two"), "byline", "Someone else")));
        }
        String source = Stories.edition(published, "uk");
        operations.add(new Operation("correct edition", editor, "PUT", source, () -> stories.etag(editor, published, "uk"),
                body("title", "Corrected", "summary", "Summary", "body", "<p>Body</p>", "note", "typo", "change", "minor")));
        operations.add(new Operation("schedule", editor, "POST", Stories.edition(draftStory, "uk") + "/publish",
                () -> stories.etag(editor, draftStory, "uk"), body("at", LATER)));
        operations.add(new Operation("withdraw", editor, "POST", source + "/withdraw",
                () -> stories.etag(editor, published, "uk"), body("reason", "Legal asked us to")));
        operations.add(new Operation("request translations", editor, "POST", "/api/articles/" + published + "/translations",
                null, body("languages", List.of(otherLanguage), "dueAt", LATER, "priority", 5, "note", "Short please")));
        operations.add(new Operation("claim next", translator, "POST", "/api/tasks/claim-next", null,
                body("language", language)));
        operations.add(new Operation("save draft", translator, "PUT", task + "/draft",
                () -> desk.as(translator).get(task).header("ETag"), body("title", "T", "summary", "S", "body", "<p>B</p>")));
        operations.add(new Operation("submit", translator, "POST", task + "/submit", null,
                body("title", "T", "summary", "S", "body", "<p>B</p>")));
        operations.add(new Operation("reassign", editor, "POST", task + "/reassign", null,
                body("translatorId", translator.id())));
        operations.add(new Operation("approve", reviewer, "POST", submittedTask + "/approve", null, body("comment", "Fine")));
        operations.add(new Operation("reject", reviewer, "POST", submittedTask + "/reject", null, body("comment", "No")));
    }

    @AfterAll
    void closeConnection() throws SQLException {
        writes.close();
    }

    @TestFactory
    Stream<DynamicTest> everyMemberSpoiledIsRefusedNamingIt() {
        return operations.stream().flatMap(operation -> leaves(operation.body(), "", List.of()).stream()
                .flatMap(leaf -> badValues(leaf.value()).stream().map(bad -> DynamicTest.dynamicTest(
                        operation.name() + " " + leaf.field() + " = " + JsonText.of(bad),
                        () -> assertRefused(operation, JsonText.of(replaced(operation.body(), leaf.path(), bad))
                                .getBytes(StandardCharsets.UTF_8), leaf.field())))));
    }

    @TestFactory
    Stream<DynamicTest> everyBodySpoiledAsAWholeIsRefused() {
        return operations.stream().flatMap(operation -> {
            String valid = JsonText.of(operation.body());
            String firstMember = operation.body().keySet().iterator().next();
            Map<String, byte[]> spoiled = new LinkedHashMap<>();
            spoiled.put("trailing word", (valid + " garbage").getBytes(StandardCharsets.UTF_8));
            spoiled.put("a second object", (valid + "{}").getBytes(StandardCharsets.UTF_8));
            spoiled.put("a stray bracket", (valid + "]").getBytes(StandardCharsets.UTF_8));
            spoiled.put("duplicate member", ("{" + JsonText.of(firstMember) + ":" + JsonText.of(operation.body().get(firstMember))
                    + "," + valid.substring(1)).getBytes(StandardCharsets.UTF_8));
            spoiled.put("cut short", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8));
            spoiled.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
            spoiled.put("a string", "\"text\"".getBytes(StandardCharsets.UTF_8));
            spoiled.put("a number", "12".getBytes(StandardCharsets.UTF_8));
            spoiled.put("not JSON", "username=admin".getBytes(StandardCharsets.UTF_8));
            spoiled.put("broken UTF-8", brokenUtf8(valid));
            return spoiled.entrySet().stream().map(bad -> DynamicTest.dynamicTest(operation.name() + ": " + bad.getKey(),
                    () -> assertRefused(operation, bad.getValue(), null)));
        });
    }

    @Test
    void textMayHoldTabsAndLineBreaks() {
        Desk.Person editor = desk.newEditor();
        Map<String, Object> story = new LinkedHashMap<>(Stories.story("uk", "Tabs\tand lines " + UUID.randomUUID()));
        story.put("summary", "First line\r\nsecond\tline");
        String id = desk.as(editor).body(JsonText.of(story)).post("/api/articles").then().statusCode(201)
                .extract().path("id");
        assertEquals("First line\r\nsecond\tline", desk.as(editor).get(Stories.edition(id, "uk")).path("summary"));
    }

    private Response send(Operation operation, byte[] body) {
        var request = operation.caller() == null ? desk.anonymous() : desk.as(operation.caller());
        String ifMatch = operation.ifMatch() == null ? null : operation.ifMatch().get();
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.contentType("application/json").body(body).request(operation.method(), operation.path());
    }

    private void assertRefused(Operation operation, byte[] body, String field) {
        String before = writes.fingerprint();
        Response response = send(operation, body);
        int status = response.statusCode();
        String problem = status + " " + response.asString();
        assertTrue(status == 400 || status == 422, problem);
        assertTrue(response.contentType().startsWith("application/problem+json"), problem);
        assertEquals(status, (Integer) response.path("status"), problem);
        if (field != null) {
            assertThat(problem, response.path("errors.field"), hasItem(field));
        }
        assertEquals(before, writes.fingerprint(), "a refused request wrote: " + problem);
    }

    /** One scalar member somewhere in the body: its path (keys and indexes) and its name in a problem. */
    record Leaf(List<Object> path, String field, Object value) {
    }

    private static List<Leaf> leaves(Object value, String field, List<Object> path) {
        List<Leaf> found = new ArrayList<>();
        if (!path.isEmpty()) {
            found.add(new Leaf(path, field, value));
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, member) -> found.addAll(leaves(member, field.isEmpty() ? (String) key : field + "." + key,
                    append(path, key))));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(leaves(list.get(i), field + "[" + i + "]", append(path, i)));
            }
        }
        return found;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    @SuppressWarnings("unchecked")
    private static Object replaced(Object value, List<Object> path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object step = path.get(0);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put((String) step, replaced(map.get(step), path.subList(1, path.size()), replacement));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) value);
        copy.set((Integer) step, replaced(copy.get((Integer) step), path.subList(1, path.size()), replacement));
        return copy;
    }

    /** What a member must not hold, by the kind of value it holds when valid. */
    private static List<Object> badValues(Object valid) {
        if (valid instanceof Boolean) {
            return List.of("yes", "true", 1, new Raw("0"), List.of(), Map.of());
        }
        if (valid instanceof Number) {
            return List.of(new Raw("4294967301"), new Raw("-4294967301"), new Raw("2147483648"),
                    new Raw("9223372036854775808"), new Raw("1e400"), new Raw("1.5"), "5", true, List.of());
        }
        if (valid instanceof List<?>) {
            return List.of("just one", 7, Map.of());
        }
        List<Object> bad = new ArrayList<>(FORBIDDEN_TEXT);
        bad.addAll(List.of(42, false, Map.of(), List.of()));
        if (INSTANT.matcher((String) valid).matches()) {
            bad.addAll(List.of("+100000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                    "-0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "next tuesday"));
        }
        if (ID.matcher((String) valid).matches()) {
            bad.add("not-an-id");
        }
        return bad;
    }

    /** The valid body with an invalid UTF-8 sequence (a lone continuation byte) inside its first string. */
    private static byte[] brokenUtf8(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int quote = valid.indexOf('"', valid.indexOf(':')) + 1;
        byte[] broken = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, broken, 0, quote);
        broken[quote] = (byte) 0x80;
        System.arraycopy(bytes, quote, broken, quote + 1, bytes.length - quote);
        return broken;
    }

    private String publishedStory(Desk.Person editor) {
        String id = stories.create(editor, "uk");
        stories.publish(editor, id, "uk").then().statusCode(200);
        return id;
    }

    private String requestTranslation(Desk.Person editor, String articleId, String language) {
        return desk.as(editor).body(Map.of("languages", List.of(language))).post("/api/articles/" + articleId + "/translations")
                .then().statusCode(201).extract().path("[0].id");
    }

    private static Map<String, Object> body(Object... members) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            body.put((String) members[i], members[i + 1]);
        }
        return body;
    }
}
