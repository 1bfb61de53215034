package newsdesk.platform;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Every JSON request body, before JSON-B binds it: exactly one JSON value (no trailing garbage), in
 * UTF-8, without duplicate member names (400 otherwise), and of the shape its Java type wants, every
 * string keeping {@link TextRules} (400 or 422 naming each bad member, see {@link JsonShape}). Runs inside
 * {@link RequestSizeLimit}, which has already bounded and buffered the body.
 */
@Provider
@Priority(Priorities.USER + 100)
public class JsonBodies implements ReaderInterceptor {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    /** Parsson's own switch: its parser's getValue() refuses duplicate member names, as the reader does. */
    private static final JsonParserFactory STRICT_PARSERS = Json.createParserFactory(
            Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new NewsdeskException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send JSON in UTF-8, not " + charset);
        }
        byte[] bytes = context.getInputStream().readAllBytes();
        String json = TextRules.strictUtf8(bytes)
                .orElseThrow(() -> new Malformed("The request body is not valid UTF-8"));
        // A resource reading the raw text or a JSON-P tree binds nothing: only the text rule applies.
        Class<?> target = context.getType();
        boolean raw = target == String.class || target == byte[].class || InputStream.class.isAssignableFrom(target)
                || Reader.class.isAssignableFrom(target) || JsonValue.class.isAssignableFrom(target);
        JsonShape.check(parse(json), raw ? Object.class : context.getGenericType());
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    /**
     * The one JSON value the body holds, read by one parser that refuses duplicate members (Parsson's switch) and
     * what follows the value. A body it refuses is read again as before, by {@link #parseTwice}, which decides and
     * words the problem: Parsson's parser words a duplicate member differently from its reader.
     */
    static JsonValue parse(String json) {
        try (JsonParser parser = STRICT_PARSERS.createParser(new StringReader(json))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (!parser.hasNext()) {
                return value;
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return parseTwice(json);
        }
        return parseTwice(json);
    }

    /** The reader refuses duplicate members, the parser what follows the value. */
    static JsonValue parseTwice(String json) {
        try (var reader = READERS.createReader(new StringReader(json));
             JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            JsonValue value = reader.readValue();
            parser.next();
            parser.getValue();
            if (parser.hasNext()) {
                throw new Malformed("The request body holds more than one JSON value");
            }
            return value;
        } catch (JsonParsingException e) {
            throw new Malformed("The request body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw new Malformed("The request body is not valid JSON");
        }
    }
}
