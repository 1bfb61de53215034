package newsdesk.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an Idempotency-Key remembers of its request: the SHA-256 of the bound request (a record) written out
 * member by member, every string and list with its length in front, so two requests share a fingerprint only when
 * JSON-B would bind them to equal records. The same requests match as when the fingerprint was the hash of the
 * record's JSON-B serialization ({@link #legacy}), without serializing (in a profile of bench/editorial.sh, JSON-B's
 * writing was about 7 % of what create's service did).
 */
final class RequestFingerprint {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A record's members as JSON-B writes them (not the transient ones), looked up once per type. */
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (!accessor.isAnnotationPresent(JsonbTransient.class)) {
                    accessor.setAccessible(true); // a record of another package may not be public
                    accessors.add(accessor);
                }
            }
            return List.copyOf(accessors);
        }
    };

    private RequestFingerprint() {
    }

    static byte[] of(Object request) {
        StringBuilder text = new StringBuilder(256).append("v2;");
        write(text, request);
        return Hashes.sha256(text.toString());
    }

    /** The fingerprint keys stored before {@link #of} had (the hash of the JSON-B text), kept for their replays. */
    static byte[] legacy(Object request) {
        return Hashes.sha256(JSON.toJson(request));
    }

    private static void write(StringBuilder text, Object value) {
        if (value == null) {
            text.append("n;");
        } else if (value instanceof CharSequence || value instanceof Character) {
            string(text.append('s'), value.toString());
        } else if (value instanceof Boolean || value instanceof Number) {
            text.append('v').append(value).append(';');
        } else if (value instanceof Enum<?> constant) {
            string(text.append('e'), constant.name());
        } else if (value instanceof TemporalAccessor || value instanceof UUID || value instanceof URI) {
            string(text.append('t'), value.toString());
        } else if (value instanceof Collection<?> values) {
            text.append('l').append(values.size()).append('[');
            values.forEach(element -> write(text, element));
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            text.append('m').append(map.size()).append('{');
            map.forEach((key, member) -> {
                write(text, key);
                write(text, member);
            });
            text.append('}');
        } else if (value instanceof Record) {
            record(text, value);
        } else {
            // Anything else as JSON-B writes it: its toString() might not say what it holds.
            string(text.append('j'), JSON.toJson(value));
        }
    }

    private static void record(StringBuilder text, Object record) {
        List<Method> accessors = ACCESSORS.get(record.getClass());
        text.append('r').append(accessors.size()).append('(');
        for (Method accessor : accessors) {
            string(text, accessor.getName());
            try {
                write(text, accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor + " of a request", e);
            }
        }
        text.append(')');
    }

    private static void string(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }
}
