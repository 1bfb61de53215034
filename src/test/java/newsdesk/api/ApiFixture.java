package newsdesk.api;

import io.restassured.response.Response;
import io.swagger.v3.oas.models.media.Schema;
import newsdesk.api.AccessTable.Caller;
import newsdesk.testing.Desk;
import newsdesk.testing.Stories;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real data for the generated tests: the callers of {@link AccessTable} (own accounts, so signing out or
 * a stray change touches nobody else), and per operation a fresh story with a published source in
 * {@code uk} and a task in L1 claimed by the holder. Fills path parameters, valid bodies and If-Match.
 */
final class ApiFixture {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    final Desk desk;
    final String language;
    final String otherLanguage;
    private final Stories stories;
    private final Map<Caller, Desk.Person> people = new EnumMap<>(Caller.class);

    /** One story and its task, made for one operation. */
    record Scene(String articleId, String taskId, String slug, Desk.Person holder) {
    }

    ApiFixture(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.language = desk.newLanguage();
        this.otherLanguage = desk.newLanguage();
        people.put(Caller.ADMIN, desk.newPerson(List.of("ADMIN")));
        people.put(Caller.EDITOR, desk.newEditor());
        people.put(Caller.TRANSLATOR_SAME_LANGUAGE, desk.newTranslator(language));
        people.put(Caller.TRANSLATOR_OTHER_LANGUAGE, desk.newTranslator(otherLanguage));
        people.put(Caller.REVIEWER, desk.newPerson(List.of("REVIEWER"), language));
        people.put(Caller.REVIEWER_OTHER_LANGUAGE, desk.newPerson(List.of("REVIEWER"), otherLanguage));
    }

    Scene newScene() {
        Desk.Person editor = people.get(Caller.EDITOR);
        String articleId = stories.create(editor, "uk");
        String slug = stories.publish(editor, articleId, "uk").then().statusCode(200).extract().path("slug");
        String taskId = desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        Desk.Person holder = desk.newTranslator(language);
        desk.as(holder).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        return new Scene(articleId, taskId, slug, holder);
    }

    /** The person behind a caller in this scene; empty for the anonymous caller. */
    Desk.Person person(Caller caller, Scene scene) {
        return caller == Caller.HOLDER ? scene.holder() : people.get(caller);
    }

    /** After a successful sign-out the caller needs a new token. */
    void signInAgain(Caller caller) {
        Desk.Person person = people.get(caller);
        if (person != null) {
            people.put(caller, new Desk.Person(person.id(), person.username(), person.password(),
                    desk.signIn(person.username(), person.password())));
        }
    }

    /** The operation's path with every parameter filled in from the scene (the value for one may be replaced). */
    String path(ApiOperations.Operation operation, Scene scene, String replaced, String rawValue) {
        Matcher matcher = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(replaced) ? rawValue : value(operation.path(), name, scene);
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String value(String template, String name, Scene scene) {
        return switch (name) {
            case "id" -> template.startsWith("/api/tasks") ? scene.taskId()
                    : template.startsWith("/api/accounts") ? scene.holder().id()
                    : scene.articleId();
            case "lang" -> "uk";
            case "slug" -> scene.slug();
            case "n" -> "1";
            case "month" -> YearMonth.now(ZoneOffset.UTC).toString();
            case "code" -> "qz-x" + UUID.randomUUID().toString().substring(0, 6);
            case "asset" -> "desk.js";
            default -> throw new IllegalStateException("no fixture value for {" + name + "} in " + template);
        };
    }

    /** The ETag of the nearest readable resource at or above the path, for If-Match. */
    String etag(String path) {
        for (String candidate = path; candidate.lastIndexOf('/') > 0;
             candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
            Response response = desk.as(people.get(Caller.EDITOR)).get(candidate);
            if (response.statusCode() == 200 && response.header("ETag") != null) {
                return response.header("ETag");
            }
            response = desk.as(people.get(Caller.ADMIN)).get(candidate);
            if (response.statusCode() == 200 && response.header("ETag") != null) {
                return response.header("ETag");
            }
        }
        return "\"1\"";
    }

    /** A body the operation accepts as far as its schema tells: a plausible value per field. */
    Map<String, Object> validBody(ApiOperations.Operation operation, Scene scene) {
        Map<String, Object> body = new LinkedHashMap<>();
        operation.bodyFields().forEach((name, schema) -> body.put(name, sample(name, schema, scene)));
        return body;
    }

    Object sample(String name, Schema<?> schema, Scene scene) {
        switch (name) {
            case "languages":
                return List.of(language);
            case "language":
                return language;
            case "sourceLanguage":
                return "uk";
            case "roles":
                return List.of("TRANSLATOR");
            case "change":
                return "minor";
            case "username": // real credentials, so signing in succeeds; creating that account again is a 409
                return people.get(Caller.EDITOR).username();
            case "password":
                return people.get(Caller.EDITOR).password();
            case "translatorId":
                return people.get(Caller.TRANSLATOR_SAME_LANGUAGE).id();
            case "advanceSeconds":
                return 0;
            default:
                break;
        }
        String type = schema == null ? "string" : String.valueOf(schema.getType());
        String format = schema == null ? null : schema.getFormat();
        return switch (type) {
            case "integer", "number" -> 1;
            case "boolean" -> false;
            case "array" -> new ArrayList<>(List.of(sample(name + "Item", schema.getItems(), scene)));
            case "object" -> Map.of();
            default -> "date-time".equals(format) ? Instant.now().plus(1, ChronoUnit.DAYS).toString()
                    : "uuid".equals(format) ? scene.articleId() : "Sample " + name;
        };
    }
}
