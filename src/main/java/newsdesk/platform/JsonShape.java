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
import java.time.format.DateTimeParseException;
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
 * take the year 100000 and turn a lone surrogate into '?'. A member JSON-B cannot bind faithfully
 * (wrong JSON type, a number its Java type cannot hold, an unparsable date or id) makes the body
 * unreadable, 400; a readable value that breaks a rule ({@link TextRules} for every string anywhere,
 * known member or not; dates within {@link TimeRange}) is a 422. Errors name the member like
 * "tags[2]" or "source.title"; the whole body is "body".
 */
final class JsonShape {

    private static final Map<Class<?>, long[]> WHOLE_NUMBERS = Map.of(
            Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}, short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

    /** A record's components by their JSON name, looked up once per type (reflection and annotations are slow). */
    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            return Map.copyOf(Arrays.stream(type.getRecordComponents())
                    .collect(Collectors.toMap(JsonShape::propertyName, c -> c)));
        }
    };

    private final List<FieldError> unreadable = new ArrayList<>();
    private final List<FieldError> invalid = new ArrayList<>();

    private JsonShape() {
    }

    /** Returns when JSON-B may bind the value to the type; throws {@link Malformed} or {@link Invalid} listing every bad member. */
    static void check(JsonValue value, Type type) {
        JsonShape shape = new JsonShape();
        shape.check(value, type, "");
        if (!shape.unreadable.isEmpty()) {
            List<FieldError> all = new ArrayList<>(shape.unreadable);
            all.addAll(shape.invalid);
            throw Malformed.fields(all);
        }
        if (!shape.invalid.isEmpty()) {
            throw new Invalid(shape.invalid);
        }
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
            instant(value, field);
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
        TextRules.problem(string.getString()).ifPresent(problem -> invalid.add(new FieldError(name(field), problem)));
        return true;
    }

    private void instant(JsonValue value, String field) {
        String message = "must be an instant like 2026-11-29T08:00:00Z, from 1970 to 9999";
        if (text(value, field) && !isInstant(((JsonString) value).getString())) {
            error(field, message);
        } else if (value instanceof JsonString string && TimeRange.parse(string.getString()).isEmpty()) {
            invalid.add(new FieldError(name(field), message));
        }
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
        Map<String, RecordComponent> components = COMPONENTS.get(type);
        object.forEach((name, member) -> {
            String memberField = field.isEmpty() ? name : field + "." + name;
            RecordComponent component = components.get(name);
            if (component != null) {
                check(member, component.getGenericType(), memberField);
            } else if (TextRules.problem(name).isPresent()) {
                invalid.add(new FieldError(name(field), "a member name " + TextRules.problem(name).orElseThrow()));
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
                    invalid.add(new FieldError(name(field), "a member name " + TextRules.problem(name).orElseThrow()));
                } else {
                    anyText(member, field.isEmpty() ? name : field + "." + name);
                }
            });
        }
    }

    private boolean expect(boolean holds, String field, String message) {
        if (!holds && unreadable.stream().noneMatch(e -> e.field().equals(name(field)))) {
            error(field, message);
        }
        return holds;
    }

    /** A member JSON-B could not bind faithfully. */
    private void error(String field, String message) {
        unreadable.add(new FieldError(name(field), message));
    }

    private static String name(String field) {
        return field.isEmpty() ? "body" : field;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
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
