package newsdesk.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One delivery attempt over HTTP: POST, no redirects followed, bounded by a timeout; never throws for the receiver's faults. */
final class HttpPost {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final int MAX_ERROR = 500;

    /** What the receiver did: its status (null when there was no answer), the error otherwise, and how long it took. */
    record Outcome(Integer status, String error, long durationMillis) {
        boolean delivered() {
            return status != null && status / 100 == 2;
        }

        String describe() {
            return status != null ? "HTTP " + status : error;
        }
    }

    private HttpPost() {
    }

    static Outcome send(String url, String contentType, Map<String, String> headers, String body, Duration timeout) {
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<Void> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, elapsed(started));
        } catch (IOException | IllegalArgumentException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted (the server is stopping)", elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
