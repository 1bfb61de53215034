package newsdesk.platform;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query parameter of every GET the application declares (found by reflection, so a new list or
 * filter is covered the day it is added), spoiled: control characters and broken UTF-8 in text,
 * non-numbers in numbers, forged cursors; plus feed archives of absurd months. Each answer is a 4xx
 * problem naming the parameter, never a 5xx.
 */
@ExtendWith(NewsdeskServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadParametersIT {

    private static final String AN_ID = "00000000-0000-0000-0000-000000000001";

    private final Desk desk;
    private final Stories stories;
    private Desk.Person chief;
    private Map<String, String> pathValues;

    BadParametersIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
    }

    /** One GET and one of its query parameters, with the Java type JAX-RS converts it to. */
    record QueryParameter(String path, String name, Class<?> type) {
    }

    @BeforeAll
    void arrange() {
        String language = desk.newLanguage();
        chief = desk.newPerson(List.of("ADMIN", "EDITOR", "TRANSLATOR", "REVIEWER"), language);
        String article = stories.create(chief, "uk");
        stories.publish(chief, article, "uk").then().statusCode(200);
        String task = desk.as(chief).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + article + "/translations").then().statusCode(201).extract().path("[0].id");
        String slug = desk.as(chief).get(Stories.edition(article, "uk")).path("slug");
        // A subscription no publication reaches (a withdrawal in this test's private language), for its log's path.
        String webhook = desk.as(chief).body(Map.of("url", "http://127.0.0.1:9/never", "eventTypes",
                List.of("edition.withdrawn"), "languages", List.of(language))).post("/api/webhooks")
                .then().statusCode(201).extract().path("id");
        pathValues = Map.of("/api/articles/{id}", "/api/articles/" + article, "/api/tasks/{id}", "/api/tasks/" + task,
                "/api/accounts/{id}", "/api/accounts/" + chief.id(), "/api/webhooks/{id}", "/api/webhooks/" + webhook,
                "{lang}", "uk", "{n}", "1", "{slug}", slug, "{code}", language, "{month}", "2026-01");
    }

    @TestFactory
    Stream<DynamicTest> everyQueryParameterSpoiledIsRefusedNamingIt() {
        return queryParameters().stream().flatMap(parameter -> badValues(parameter).stream().map(bad ->
                DynamicTest.dynamicTest("GET " + parameter.path() + "?" + parameter.name() + "=" + bad,
                        () -> assertRefused(get(fill(parameter.path()) + "?" + parameter.name() + "=" + bad),
                                parameter.name()))));
    }

    @TestFactory
    Stream<DynamicTest> cursorsHoldingKeysThisServerNeverWroteAreRefused() {
        Map<String, List<String>> forged = Map.of(
                "/api/articles", List.of("+999999999-12-31T23:59:59Z|" + AN_ID, "-999999999-01-01T00:00:00Z|" + AN_ID,
                        "+10000-01-01T00:00:00Z|" + AN_ID, "2026-01-01T00:00:00Z|not-an-id", "2026-01-01T00:00:00Z",
                        "\u0000|" + AN_ID),
                "/api/tasks", List.of("5||+999999999-12-31T23:59:59Z|" + AN_ID, "5|-999999999-01-01T00:00:00Z|2026-01-01T00:00:00Z|"
                        + AN_ID, "99999999999||2026-01-01T00:00:00Z|" + AN_ID, "5|||", "5"),
                "/api/accounts", List.of("\u0000", "admin\u0001", "admin\u007f"));
        return forged.entrySet().stream().flatMap(list -> list.getValue().stream().map(key ->
                DynamicTest.dynamicTest("GET " + list.getKey() + " after " + key.replace("\u0000", "\\0"),
                        () -> assertRefused(get(list.getKey() + "?cursor=" + cursor(key)), "cursor"))));
    }

    @TestFactory
    Stream<DynamicTest> archivesOfMonthsThatCannotExistAreProblemsNotErrors() {
        return Stream.of("+999999999-12", "-999999999-01", "0000-01", "1969-12", "10000-01", "99999-01", "2026-13",
                        "2026-00", "2026-1", "month", "%01")
                .map(month -> DynamicTest.dynamicTest("archive " + month, () -> {
                    Response response = get("/feeds/uk/archive/" + month + ".xml");
                    assertProblem(response);
                    assertTrue(List.of(400, 404, 422).contains(response.statusCode()), response.asString());
                }));
    }

    @TestFactory
    Stream<DynamicTest> feedsOfLanguagesTheSiteLacksAreNotFound() {
        return Stream.of("rss.xml", "atom.xml", "feed.json", "archive/2026-01.xml").map(feed ->
                DynamicTest.dynamicTest(feed, () -> {
                    Response response = get("/feeds/zz/" + feed);
                    assertProblem(response);
                    assertEquals(404, response.statusCode());
                }));
    }

    private Response get(String pathAndQuery) {
        return desk.as(chief).urlEncodingEnabled(false).get(pathAndQuery);
    }

    private void assertRefused(Response response, String parameter) {
        assertProblem(response);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 422, response.asString());
        assertThat(response.asString(), response.path("errors.field"), hasItem(parameter));
    }

    private static void assertProblem(Response response) {
        String problem = response.statusCode() + " " + response.asString();
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, problem);
        assertTrue(response.contentType().startsWith("application/problem+json"), problem);
        assertEquals(response.statusCode(), (Integer) response.path("status"), problem);
    }

    /** The values a parameter must refuse, percent-encoded, by the type it is read as. */
    private static List<String> badValues(QueryParameter parameter) {
        List<String> bad = new ArrayList<>();
        if (parameter.type() == String.class) {
            BadInputIT.FORBIDDEN_TEXT.stream().filter(text -> text.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                    .forEach(text -> bad.add(URLEncoder.encode(text, StandardCharsets.UTF_8)));
            bad.addAll(List.of("%ED%A0%80", "x%C3%28", "%FF"));
        } else if (parameter.type() == boolean.class || parameter.type() == Boolean.class) {
            bad.addAll(List.of("yes", "2", "%00"));
        } else {
            bad.addAll(List.of("abc", "1.5", "99999999999", "1e2", "%00"));
        }
        if (parameter.name().equals("cursor")) {
            bad.addAll(List.of("%25%25%25", "!!!!", "a", cursor("\u0000"), Base64.getUrlEncoder().encodeToString(
                    new byte[] {(byte) 0xff, (byte) 0xfe}), Base64.getUrlEncoder().encodeToString(
                    new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})));
        }
        if (parameter.name().equals("limit")) {
            bad.addAll(List.of("-1", "0"));
        }
        return bad;
    }

    private static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The path with each {placeholder} filled with something that exists ({id} by the collection it is in). */
    private String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        return path;
    }

    /** Every query parameter of every GET under newsdesk, read from the JAX-RS annotations. */
    private static List<QueryParameter> queryParameters() {
        List<QueryParameter> found = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("newsdesk")) {
            Class<?> type = javaClass.reflect();
            Path classPath = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                if (classPath == null || !method.isAnnotationPresent(GET.class)) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = ("/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                        .replaceAll("/+", "/").replaceAll("/$", "");
                for (Parameter parameter : method.getParameters()) {
                    QueryParam query = parameter.getAnnotation(QueryParam.class);
                    if (query != null) {
                        found.add(new QueryParameter(path, query.value(), parameter.getType()));
                    }
                }
            }
        }
        return found;
    }
}
