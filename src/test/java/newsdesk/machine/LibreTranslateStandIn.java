package newsdesk.machine;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A LibreTranslate-compatible server on 127.0.0.1 for tests: POST /translate answers "EN(q)" as translatedText
 * and records each request's JSON. Text with "SLOW" is answered after 5 s, "BROKEN" with a 500, "NONSENSE"
 * with a 200 that is not JSON.
 */
public final class LibreTranslateStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<JsonPath> requests = new CopyOnWriteArrayList<>();

    private LibreTranslateStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/translate", exchange -> {
            JsonPath request = JsonPath.from(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            String q = request.getString("q");
            int status = 200;
            String answer;
            if (q.contains("SLOW")) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = "{\"translatedText\":\"late\"}";
            } else if (q.contains("BROKEN")) {
                status = 500;
                answer = "{\"error\":\"model crashed\"}";
            } else if (q.contains("NONSENSE")) {
                answer = "<html>not json</html>";
            } else {
                answer = "{\"translatedText\":\"EN(" + q.replace("\\", "\\\\").replace("\"", "\\\"") + ")\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public static LibreTranslateStandIn start() {
        try {
            return new LibreTranslateStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<JsonPath> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
