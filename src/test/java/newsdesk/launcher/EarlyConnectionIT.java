package newsdesk.launcher;

import newsdesk.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that connects while the server is still booting (a readiness probe, a load balancer's
 * keep-alive connection), even before the launcher has changed Payara's HTTP listener, is held until the
 * change and told "503, retry" rather than Payara's 404 page; the server then serves normally, path check
 * included, with no failure in the listener's filter chain.
 */
class EarlyConnectionIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aConnectionOpenedDuringBootIsToldToRetryAndTheServerServesOnceReady(@TempDir Path dataDir) throws Exception {
        try (ServerProcess server = ServerProcess.launch("early-connection", Map.of(
                "NEWSDESK_DATA_DIR", dataDir.toString(), "NEWSDESK_ADMIN_PASSWORD", "early-admin-password"))) {
            try (Socket early = connectWhileBooting(server)) {
                // Grizzly closes a connection after a 503, as after other answers that may leave it unusable.
                assertEquals(-1, early.getInputStream().read(), "the connection is closed after the 503");
            }
            Instant deadline = Instant.now().plus(START_LIMIT);
            while (!ready(server)) {
                assertTrue(Instant.now().isBefore(deadline), "the server was not ready within " + START_LIMIT);
                Thread.sleep(POLL.toMillis());
            }

            try (Socket later = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
                later.setSoTimeout(10_000);
                Answer ready = exchange(later, "GET", "/health/ready", "the health check answers");
                assertEquals(200, ready.status(), ready.toString());
                Answer refused = exchange(later, "GET", "/api/accounts/%zz", "the path check answers on the same connection");
                assertEquals(400, refused.status(), refused.toString());
                assertEquals("application/problem+json;charset=utf-8", refused.header("content-type"), refused.toString());
            }
            assertEquals(List.of(), listenerFailures(server), "no failure in the listener's filter chain");
        }
    }

    private static List<String> listenerFailures(ServerProcess server) {
        return server.log().lines()
                .filter(line -> line.contains("GRIZZLY0013") || line.contains("ArrayIndexOutOfBoundsException"))
                .toList();
    }

    /**
     * The first connection the booting server accepts, used at once: Grizzly sizes a connection's state
     * for the filter chain when its first request arrives. Its request is held until the launcher has changed
     * the listener, and then answered "not ready".
     */
    private static Socket connectWhileBooting(ServerProcess server) throws Exception {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline) && server.process().isAlive()) {
            try {
                Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort());
                socket.setSoTimeout(60_000);
                Answer first = exchange(socket, "GET", "/api/languages", "the first request is answered");
                assertEquals(503, first.status(), "Payara's own answer came through: " + first);
                assertEquals("application/problem+json;charset=utf-8", first.header("content-type"), first.toString());
                assertEquals("1", first.header("retry-after"), first.toString());
                return socket;
            } catch (java.net.ConnectException notListeningYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the server never accepted a connection\n" + server.log());
    }

    private static boolean ready(ServerProcess server) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(server.baseUri().resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = PROBE.send(ready, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"database\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Answer exchange(Socket socket, String method, String path, String what) throws IOException {
        Answer answer;
        try {
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + socket.getInetAddress().getHostAddress() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            answer = Answer.read(socket.getInputStream());
        } catch (java.net.SocketException e) {
            throw new AssertionError(what + ", but the connection failed: " + e.getMessage(), e);
        }
        if (answer == null) {
            throw new AssertionError(what + ", but the server closed it");
        }
        return answer;
    }

    /** One HTTP/1.1 response read off a kept-alive connection (Content-Length or chunked body). */
    private record Answer(int status, Map<String, String> headers, String body) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                return null;
            }
            Map<String, String> headers = new java.util.HashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
            } else {
                body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
            }
            return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers, body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return line.isEmpty() ? null : line.toString();
                }
                line.append((char) c);
            }
            return line.toString().stripTrailing();
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }
}
