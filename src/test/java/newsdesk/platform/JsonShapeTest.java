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

    /** The status the body would get (200 when it may be bound) and the members named. */
    private static String verdict(String json) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        try {
            JsonShape.check(value, Story.class);
            return "200 []";
        } catch (NewsdeskException e) {
            @SuppressWarnings("unchecked")
            List<FieldError> errors = (List<FieldError>) e.extensions().get("errors");
            return e.code().status() + " " + errors.stream().map(FieldError::field).toList();
        }
    }

    @Test
    void aWellShapedBodyPasses() {
        assertEquals("200 []", verdict("""
                {"title":"Line one\\nline\\ttwo\\r","tags":["a","b"],"priority":-5,"views":9223372036854775807,
                 "urgent":true,"at":"2026-11-29T08:00:00Z","editor":"0b9f8c52-4d0e-4c57-9a41-2f3c6f1d7e21",
                 "change":"MINOR","due_at":"9999-12-31T23:59:59Z","desk":{"name":"Kyiv"},"unknown":{"x":[1,"y"]},
                 "title2":null}"""));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAre422sNamedWhereverTheyAre() {
        assertEquals("422 [title, tags[1], desk.name, unknown.deep[0]]", verdict("""
                {"title":"a\\u0000b","tags":["fine","\\ud800"],"desk":{"name":"\\u007f"},"unknown":{"deep":["\\u001b"]}}"""));
    }

    @Test
    void numbersThatDoNotFitTheirTypeExactlyCannotBeRead() {
        assertEquals("400 [priority]", verdict("{\"priority\":4294967301}"));
        assertEquals("400 [priority]", verdict("{\"priority\":1.5}"));
        assertEquals("400 [priority]", verdict("{\"priority\":1e400}"));
        assertEquals("400 [priority]", verdict("{\"priority\":\"5\"}"));
        assertEquals("400 [views]", verdict("{\"views\":9223372036854775808}"));
        assertEquals("400 [views]", verdict("{\"views\":null}"));
        assertEquals("200 []", verdict("{\"priority\":2147483647,\"views\":1E+2}"));
    }

    @Test
    void wrongJsonTypesCannotBeReadAndAreNamed() {
        assertEquals("400 [title, tags, urgent, change, desk]",
                verdict("{\"title\":7,\"tags\":\"x\",\"urgent\":\"yes\",\"change\":\"HUGE\",\"desk\":[]}"));
        assertEquals("400 [body]", verdict("[1]"));
    }

    @Test
    void instantsOutsideTheYears1970To9999AreRefused() {
        assertEquals("422 [at]", verdict("{\"at\":\"+100000-01-01T00:00:00Z\"}"));
        assertEquals("422 [at]", verdict("{\"at\":\"-999999999-01-01T00:00:00Z\"}"));
        assertEquals("422 [at]", verdict("{\"at\":\"1969-12-31T23:59:59Z\"}"));
        assertEquals("400 [due_at]", verdict("{\"due_at\":\"tomorrow\"}"));
    }

    @Test
    void idsMustBeCanonical() {
        assertEquals("400 [editor]", verdict("{\"editor\":\"1-1-1-1-1\"}"));
    }
}
