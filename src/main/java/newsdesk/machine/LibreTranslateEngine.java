package newsdesk.machine;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A LibreTranslate-compatible server: {@code POST {url}/translate} with {@code {q, source, target, format:
 * "text" (or "html" for a segment with inline codes), api_key}}, answered by {@code {translatedText}}. One HTTP client for the engine's lifetime; the
 * whole exchange, body included, is bounded by the segment's time.
 */
final class LibreTranslateEngine implements Engine {

    private static final int MAX_ANSWER_CHARS = 1 << 20;

    private final URI endpoint;
    private final String apiKey;
    private final HttpClient client;

    LibreTranslateEngine(String url, String apiKey) {
        this.endpoint = URI.create(url.replaceAll("/+$", "") + "/translate");
        this.apiKey = apiKey == null ? "" : apiKey.trim();
        // HTTP/1.1: LibreTranslate servers speak it, and no h2c upgrade is tried on every new connection.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public EngineResult translate(String text, String from, String to, Duration timeout) {
        return exchange(text, "text", from, to, timeout);
    }

    @Override
    public EngineResult translateMarkup(String html, String from, String to, Duration timeout) {
        return exchange(html, "html", from, to, timeout);
    }

    private EngineResult exchange(String text, String format, String from, String to, Duration timeout) {
        long start = System.nanoTime();
        JsonObjectBuilder body = Json.createObjectBuilder().add("q", text).add("source", from).add("target", to)
                .add("format", format);
        if (!apiKey.isEmpty()) {
            body.add("api_key", apiKey);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString(), StandardCharsets.UTF_8)).build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long millis = elapsed(start);
            if (response.statusCode() != 200) {
                return EngineResult.failed("HTTP " + response.statusCode() + excerpt(response.body()), millis);
            }
            if (response.body().length() > MAX_ANSWER_CHARS) {
                return EngineResult.failed("the answer is longer than " + MAX_ANSWER_CHARS + " characters", millis);
            }
            return EngineResult.answer(text, translatedText(response.body()), millis);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return EngineResult.timeout(elapsed(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return EngineResult.timeout(elapsed(start));
            }
            return EngineResult.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), elapsed(start));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return EngineResult.failed("interrupted", elapsed(start));
        } catch (JsonException | ClassCastException e) {
            return EngineResult.failed("the answer is not LibreTranslate's JSON: " + e.getMessage(), elapsed(start));
        }
    }

    private static String translatedText(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject answer = reader.readObject();
            JsonValue text = answer.get("translatedText");
            if (text == null || text.getValueType() != JsonValue.ValueType.STRING) {
                throw new JsonException("no translatedText string");
            }
            return ((JsonString) text).getString();
        }
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
