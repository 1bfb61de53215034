package newsdesk.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a parsed JSON body against the Java type it is about to be bound to, member by member, so
 * that JSON-B never has to guess: it would wrap 4294967301 into an int as 5, read "yes" as false,
 * take the year 100000 and turn a lone surrogate into '?'. Every string anywhere (known member or
 * not) keeps {@link TextRules}. Errors name the member like "tags[2]" or "source.title"; the whole
 * body is "body".
 */
final class JsonShape {

    private static final Map<Class<?>, long[]> WHOLE_NUMBERS = Map.of(
            Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}, short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

    private final List<FieldError> errors = new ArrayList<>();

    private JsonShape() {
    }

    /** What is wrong with the value as the given type; empty when JSON-B may bind it. */
    static List<FieldError> check(JsonValue value, Type type) {
        JsonShape shape = new JsonShape();
        shape.check(value, type, "");
        return List.copyOf(shape.errors);
    }

    private void check(JsonValue value, Type type, String field) {
        Class<?> raw = rawType(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                error(field, "must not be null");
            }
        } else if (raw == String.class) {
            text(value, field);
        } else if (WHOLE_NUMBERS.containsKey(raw)) {
            wholeNumber(value, field, WHOLE_NUMBERS.get(raw));
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE,
                    field, "must be true or false");
        } else if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            expect(value instanceof JsonNumber, field, "must be a number");
        } else if (raw == Instant.class) {
            expect(text(value, field) && TimeRange.parse(((JsonString) value).getString()).isPresent(), field,
                    "must be an instant like 2026-11-29T08:00:00Z, from 1970 to 9999");
        } else if (raw == UUID.class) {
            expect(text(value, field) && isId(((JsonString) value).getString()), field,
                    "must be an id like 0b9f8c52-4d0e-4c57-9a41-2f3c6f1d7e21");
        } else if (raw.isEnum()) {
            expect(text(value, field) && Arrays.stream(raw.getEnumConstants())
                    .anyMatch(c -> ((Enum<?>) c).name().equals(((JsonString) value).getString())), field, "must be one of "
                    + Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            list(value, elementType(type, raw), field);
        } else if (raw.isRecord()) {
            record(value, raw, field);
        } else {
            anyText(value, field);
        }
    }

    private boolean text(JsonValue value, String field) {
        if (!(value instanceof JsonString string)) {
            return expect(false, field, "must be a string");
        }
        return TextRules.problem(string.getString()).map(problem -> expect(false, field, problem)).orElse(true);
    }

    private void wholeNumber(JsonValue value, String field, long[] range) {
        String message = "must be a whole number from " + range[0] + " to " + range[1];
        if (!(value instanceof JsonNumber number)) {
            error(field, message);
            return;
        }
        BigDecimal decimal = number.bigDecimalValue();
        // Compared as decimals: 1e400 or 2^64 must not be narrowed (wrapped) before the check.
        expect(decimal.stripTrailingZeros().scale() <= 0 && decimal.compareTo(BigDecimal.valueOf(range[0])) >= 0
                && decimal.compareTo(BigDecimal.valueOf(range[1])) <= 0, field, message);
    }

    private void list(JsonValue value, Type elementType, String field) {
        if (!(value instanceof JsonArray array)) {
            error(field, "must be a list");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            check(array.get(i), elementType, (field.isEmpty() ? "body" : field) + "[" + i + "]");
        }
    }

    private void record(JsonValue value, Class<?> type, String field) {
        if (!(value instanceof JsonObject object)) {
            error(field, "must be a JSON object");
            return;
        }
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(JsonShape::propertyName, c -> c));
        object.forEach((name, member) -> {
            String memberField = field.isEmpty() ? name : field + "." + name;
            RecordComponent component = components.get(name);
            if (component != null) {
                check(member, component.getGenericType(), memberField);
            } else if (TextRules.problem(name).isPresent()) {
                error(field, "a member name " + TextRules.problem(name).orElseThrow());
            } else {
                anyText(member, memberField);
            }
        });
    }

    /** A member of no known type (ignored by JSON-B, or bound loosely): only the text rule applies. */
    private void anyText(JsonValue value, String field) {
        if (value instanceof JsonString) {
            text(value, field);
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                anyText(array.get(i), (field.isEmpty() ? "body" : field) + "[" + i + "]");
            }
        } else if (value instanceof JsonObject object) {
            object.forEach((name, member) -> {
                if (TextRules.problem(name).isPresent()) {
                    error(field, "a member name " + TextRules.problem(name).orElseThrow());
                } else {
                    anyText(member, field.isEmpty() ? name : field + "." + name);
                }
            });
        }
    }

    private boolean expect(boolean holds, String field, String message) {
        if (!holds && errors.stream().noneMatch(e -> e.field().equals(name(field)))) {
            error(field, message);
        }
        return holds;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(name(field), message));
    }

    private static String name(String field) {
        return field.isEmpty() ? "body" : field;
    }

    private static boolean isId(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String propertyName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawType(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return rawType(a.getGenericComponentType()).arrayType();
        }
        return Object.class;
    }

    private static Type elementType(Type type, Class<?> raw) {
        if (raw.isArray()) {
            return type instanceof GenericArrayType a ? a.getGenericComponentType() : raw.getComponentType();
        }
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                ? p.getActualTypeArguments()[0] : Object.class;
    }
}
