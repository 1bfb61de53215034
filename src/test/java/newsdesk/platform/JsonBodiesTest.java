package newsdesk.platform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one-parser read of a body decides and words every body as the reader-and-parser read before it did. */
class JsonBodiesTest {

    @Test
    void oneParseAgreesWithTwo() {
        List<String> bodies = new ArrayList<>(List.of("{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"x\":{\"a\":1,\"a\":2}}",
                "[{\"a\":1,\"a\":2}]", "{\"a\":[{\"b\":1,\"b\":{}}]}", "{\"a\":1,\"a\":2", "{\"a\":1,\"a\":2} x", "{\"a\":1} x",
                "{\"a\":1} {}", "{\"a\":1}]", "1 2", " ", "{", "}", "[1,]", "{\"a\":1,}", "nul", "null", "true", "12",
                "\"text\"", "\"\\u12\"", "username=admin", "\uFEFF{}", "{\"a\":\"\\ud800\"}", "{\"a\":1e400}",
                "{\"title\":\"Новина\",\"tags\":[\"a\",\"b\"],\"n\":null}"));
        Random random = new Random(11);
        String alphabet = "{}[]\":,ab1 e.-tnulfrs\\";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            bodies.add(body.toString());
        }
        for (String body : bodies) {
            assertEquals(outcome(() -> JsonBodies.parseTwice(body)), outcome(() -> JsonBodies.parse(body)), body);
        }
    }

    private interface Read {
        Object value();
    }

    private static String outcome(Read read) {
        try {
            return "read " + read.value();
        } catch (Malformed e) {
            return "400 " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
