package newsdesk.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in WebSub hub on 127.0.0.1 that records publish pings (the feed URLs). It refuses the first
 * ping with 503, so the publisher's retry is exercised on every run.
 */
public final class RecordingHub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> pinged = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private RecordingHub(HttpServer server) {
        this.server = server;
    }

    public static RecordingHub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingHub hub = new RecordingHub(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean refuse = hub.requests.incrementAndGet() == 1;
                if (!refuse) {
                    for (String pair : body.split("&")) {
                        if (pair.startsWith("hub.url=")) {
                            hub.pinged.add(URLDecoder.decode(pair.substring("hub.url=".length()), StandardCharsets.UTF_8));
                        }
                    }
                }
                exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
                exchange.close();
            });
            server.start();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Feed URLs the hub was told about, in arrival order. */
    public List<String> pinged() {
        return List.copyOf(pinged);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
