package newsdesk.api;

import io.swagger.v3.oas.models.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The hostile values the corpus tries, per kind of slot: URL-encoded text for path and query parameters,
 * header text, JSON fragments for body fields ({@code null} value = leave the field out).
 */
final class BadValues {

    static final String NUL = "NUL";
    static final String CONTROL = "C0 control";
    static final String SURROGATE = "lone surrogate";
    static final String OVERFLOW = "overflowing number";
    static final String NEGATIVE = "negative number";
    static final String WRONG_TYPE = "wrong JSON type";
    static final String GARBAGE = "trailing garbage";
    static final String MISSING = "missing";
    static final String OVERSIZE = "oversize";
    static final String EXTREME_DATE = "extreme date";
    static final String CURSOR = "invalid cursor";

    /** One value of one kind. */
    record Bad(String kind, String value) {
    }

    private BadValues() {
    }

    /** Kinds where the server may rightly accept the request (an optional field left out). */
    static boolean mayBeAccepted(String kind) {
        return kind.equals(MISSING);
    }

    /** Path parameters ({@code inPath}) also get encoded slashes; free-text query filters may hold any text. */
    static List<Bad> forParameter(String name, Schema<?> schema, boolean inPath) {
        String type = schema == null ? "string" : String.valueOf(schema.getType());
        String format = schema == null ? null : schema.getFormat();
        boolean typed = !type.equals("string") || format != null;
        List<Bad> values = new ArrayList<>(List.of(
                new Bad(NUL, "a%00b"),
                new Bad(CONTROL, "a%01%07%1Bb"),
                new Bad(SURROGATE, "a%ED%A0%80b"),
                new Bad(OVERSIZE, "a".repeat(6000))));
        if (inPath) {
            values.add(new Bad(GARBAGE, "a%2Fb%2F..%2F%2E%2E"));
        } else if (typed) {
            values.add(new Bad(GARBAGE, "1%20x"));
        }
        if (type.equals("integer") || type.equals("number")) {
            values.add(new Bad(OVERFLOW, "99999999999999999999"));
            values.add(new Bad(OVERFLOW, "4294967301"));
            values.add(new Bad(NEGATIVE, "-1"));
            values.add(new Bad(WRONG_TYPE, "abc"));
        } else if (type.equals("boolean") || "uuid".equals(format)) {
            values.add(new Bad(WRONG_TYPE, "abc"));
            values.add(new Bad(NEGATIVE, "-1"));
        }
        if (name.equals("month") || "date-time".equals(format) || "date".equals(format)) {
            values.add(new Bad(EXTREME_DATE, "%2B999999999-12"));
            values.add(new Bad(EXTREME_DATE, "-999999999-01"));
            values.add(new Bad(EXTREME_DATE, "100000-01"));
        }
        if (name.equals("cursor")) {
            values.add(new Bad(CURSOR, "!!!not-base64"));
            values.add(new Bad(CURSOR, base64("\0")));
            values.add(new Bad(CURSOR, base64("x|y|z")));
            values.add(new Bad(CURSOR, base64("+999999999-12-31T23:59:59Z|00000000-0000-0000-0000-000000000000")));
            values.add(new Bad(CURSOR, base64("99999999999|+999999999-12-31T23:59:59Z|-999999999-01-01T00:00:00Z|x")));
        }
        return values;
    }

    /** Any header gets controls and oversize; entity-tag headers (If-Match) also numbers out of range and non-tags. */
    static List<Bad> forHeader(String name) {
        List<Bad> values = new ArrayList<>(List.of(
                new Bad(CONTROL, "\"a\u0001b\""),
                new Bad(OVERSIZE, "\"" + "a".repeat(20000) + "\"")));
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("if-")) {
            values.add(new Bad(OVERFLOW, "\"99999999999999999999\""));
            values.add(new Bad(NEGATIVE, "\"-1\""));
            values.add(new Bad(WRONG_TYPE, "not an entity tag"));
        }
        return values;
    }

    static List<Bad> forField(Schema<?> schema) {
        String type = schema == null ? "string" : String.valueOf(schema.getType());
        String format = schema == null ? null : schema.getFormat();
        List<Bad> values = new ArrayList<>();
        values.add(new Bad(MISSING, null));
        switch (type) {
            case "integer", "number" -> {
                values.add(new Bad(OVERFLOW, "4294967301"));
                values.add(new Bad(OVERFLOW, "99999999999999999999999"));
                values.add(new Bad(OVERFLOW, "1e400"));
                values.add(new Bad(NEGATIVE, "-1"));
                values.add(new Bad(WRONG_TYPE, "\"1\""));
                values.add(new Bad(WRONG_TYPE, "1.5"));
                values.add(new Bad(WRONG_TYPE, "{}"));
            }
            case "boolean" -> {
                values.add(new Bad(WRONG_TYPE, "\"yes\""));
                values.add(new Bad(WRONG_TYPE, "1"));
            }
            case "array" -> {
                values.add(new Bad(WRONG_TYPE, "\"x\""));
                values.add(new Bad(WRONG_TYPE, "{}"));
                values.add(new Bad(WRONG_TYPE, "[null]"));
                values.add(new Bad(WRONG_TYPE, "[[]]"));
                values.add(new Bad(NUL, "[\"a\\u0000b\"]"));
                values.add(new Bad(CONTROL, "[\"a\\u0001\\u001bb\"]"));
                values.add(new Bad(SURROGATE, "[\"a\\ud800b\"]"));
                values.add(new Bad(OVERSIZE, "[" + "\"aa\",".repeat(20000) + "\"aa\"]"));
            }
            default -> {
                values.add(new Bad(NUL, "\"a\\u0000b\""));
                values.add(new Bad(CONTROL, "\"a\\u0001\\u0007\\u001bb\""));
                values.add(new Bad(SURROGATE, "\"a\\ud800b\""));
                values.add(new Bad(SURROGATE, "\"a\\udfffb\""));
                // Longer than any text field may be (an article body, the longest, holds 500,000 characters),
                // yet well inside the 1 MiB request limit, so the field's own limit must answer.
                values.add(new Bad(OVERSIZE, "\"" + "a".repeat(600_000) + "\""));
                values.add(new Bad(WRONG_TYPE, "42"));
                values.add(new Bad(WRONG_TYPE, "{}"));
                values.add(new Bad(WRONG_TYPE, "[]"));
                if ("date-time".equals(format)) {
                    values.add(new Bad(EXTREME_DATE, "\"+999999999-12-31T23:59:59Z\""));
                    values.add(new Bad(EXTREME_DATE, "\"-999999999-01-01T00:00:00Z\""));
                    values.add(new Bad(EXTREME_DATE, "\"+100000-01-01T00:00:00Z\""));
                }
                if ("uuid".equals(format)) {
                    values.add(new Bad(WRONG_TYPE, "\"not-a-uuid\""));
                }
            }
        }
        return values;
    }

    /** Whole-body variants: {@code %s} stands for a valid body. */
    static List<Bad> forBody() {
        return List.of(
                new Bad(GARBAGE, "%s x"),
                new Bad(GARBAGE, "%s{}"),
                new Bad(GARBAGE, "%s]"),
                new Bad(WRONG_TYPE, "[]"),
                new Bad(WRONG_TYPE, "\"text\""),
                new Bad(WRONG_TYPE, "42"),
                new Bad(WRONG_TYPE, "{"),
                new Bad(MISSING, ""),
                new Bad(NUL, "\u0000"),
                new Bad(OVERSIZE, "{\"x\":\"" + "a".repeat(1_100_000) + "\"}"));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
