package newsdesk.platform;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonShapeTest {

    enum Change { MAJOR, MINOR }

    record Story(String title, List<String> tags, Integer priority, long views, Boolean urgent, Instant at, UUID editor,
                 Change change, @JsonbProperty("due_at") Instant dueAt, Desk desk) {
    }

    record Desk(String name) {
    }

    private static List<FieldError> check(String json) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return JsonShape.check(value, Story.class);
    }

    private static List<String> fields(String json) {
        return check(json).stream().map(FieldError::field).toList();
    }

    @Test
    void aWellShapedBodyPasses() {
        assertEquals(List.of(), check("""
                {"title":"Line one\\nline\\ttwo\\r","tags":["a","b"],"priority":-5,"views":9223372036854775807,
                 "urgent":true,"at":"2026-11-29T08:00:00Z","editor":"0b9f8c52-4d0e-4c57-9a41-2f3c6f1d7e21",
                 "change":"MINOR","due_at":"9999-12-31T23:59:59Z","desk":{"name":"Kyiv"},"unknown":{"x":[1,"y"]},
                 "title2":null}"""));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreNamedWhereverTheyAre() {
        assertEquals(List.of("title", "tags[1]", "desk.name", "unknown.deep[0]"), fields("""
                {"title":"a\\u0000b","tags":["fine","\\ud800"],"desk":{"name":"\\u007f"},"unknown":{"deep":["\\u001b"]}}"""));
    }

    @Test
    void numbersMustFitTheirTypeExactly() {
        assertEquals(List.of("priority"), fields("{\"priority\":4294967301}"));
        assertEquals(List.of("priority"), fields("{\"priority\":1.5}"));
        assertEquals(List.of("priority"), fields("{\"priority\":1e400}"));
        assertEquals(List.of("priority"), fields("{\"priority\":\"5\"}"));
        assertEquals(List.of("views"), fields("{\"views\":9223372036854775808}"));
        assertEquals(List.of("views"), fields("{\"views\":null}"));
        assertEquals(List.of(), fields("{\"priority\":2147483647,\"views\":1E+2}"));
    }

    @Test
    void wrongJsonTypesAreNamed() {
        assertEquals(List.of("title", "tags", "urgent", "change", "desk"),
                fields("{\"title\":7,\"tags\":\"x\",\"urgent\":\"yes\",\"change\":\"HUGE\",\"desk\":[]}"));
        assertEquals(List.of("body"), fields("[1]"));
    }

    @Test
    void instantsOutsideTheYears1970To9999AreRefused() {
        assertEquals(List.of("at"), fields("{\"at\":\"+100000-01-01T00:00:00Z\"}"));
        assertEquals(List.of("at"), fields("{\"at\":\"-999999999-01-01T00:00:00Z\"}"));
        assertEquals(List.of("at"), fields("{\"at\":\"1969-12-31T23:59:59Z\"}"));
        assertEquals(List.of("due_at"), fields("{\"due_at\":\"tomorrow\"}"));
    }

    @Test
    void idsMustBeCanonical() {
        assertEquals(List.of("editor"), fields("{\"editor\":\"1-1-1-1-1\"}"));
    }
}
