package newsdesk.platform;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a hostile client writes by hand (raw sockets: Java's HttpClient refuses to send them) answer
 * with a problem+json body where the request reaches the application (or the web container's error
 * page, or the launcher's request path filter), and never with a banner naming the server or its
 * version. Only what Grizzly's HTTP parser refuses itself (an oversized header) stays a bodiless 4xx.
 */
@ExtendWith(NewsdeskServer.class)
class ContainerErrorsIT {

    private final URI base;

    ContainerErrorsIT(Desk desk) {
        this.base = desk.baseUri();
    }

    @Test
    void aBadPercentEscapeIsRefusedWithAProblemNotAnEmpty200() throws IOException {
        assertProblem(400, send("GET /api/accounts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertProblem(400, send("GET /api/accounts/%4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void anEncodedNulOrBrokenUtf8InThePathIsRefusedWithAProblem() throws IOException {
        assertProblem(400, send("GET /api/accounts/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertProblem(400, send("GET /api/accounts/%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void anEncodedSlashReachesTheApplicationAndItsProblems() throws IOException {
        Answer answer = send("GET /api/accounts/a%2Fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertProblem(401, answer);
    }

    @Test
    void anUnknownPathOutsideTheApiIsA404Problem() throws IOException {
        assertProblem(404, send("GET /no-such-page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void theContainersOwnFoldersAreA404ProblemNotItsHtmlPage() throws IOException {
        assertProblem(404, send("GET /WEB-INF/web.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertProblem(404, send("GET /api/../WEB-INF/web.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void anOversizedHeaderIsRefusedWithoutABanner() throws IOException {
        Answer answer = send("GET /api/languages HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(80 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertClientError(answer);
    }

    @Test
    void aRequestLineWithoutAPathIsRefusedWithAProblem() throws IOException {
        assertProblem(400, send("BLAH\r\nHost: x\r\n\r\n"));
    }

    @Test
    void anOrdinaryAnswerCarriesNoBannerEither() throws IOException {
        Answer answer = send("GET /api/languages HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status(), answer.toString());
        assertNoBanner(answer);
    }

    private static void assertProblem(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), answer.toString());
        for (String member : new String[] {"\"type\":", "\"title\":", "\"status\":" + status, "\"detail\":"}) {
            assertTrue(answer.body().contains(member), "the problem has " + member + "\n" + answer);
        }
        assertNoBanner(answer);
    }

    /** Refused by Grizzly's HTTP parser, before any filter of ours runs: a bodiless 4xx at least. */
    private static void assertClientError(Answer answer) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
        assertNoBanner(answer);
        assertFalse(answer.body().toLowerCase(Locale.ROOT).contains("payara"), answer.toString());
    }

    private static void assertNoBanner(Answer answer) {
        assertEquals("", answer.header("server"), "no Server header\n" + answer);
        assertEquals("", answer.header("x-powered-by"), "no X-Powered-By header\n" + answer);
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (java.net.SocketException closedByServer) {
            // the server may reset the connection after refusing the request; what it sent still counts
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** One raw HTTP/1.1 response: status, headers (lower-case names) and body. */
    private record Answer(int status, Map<String, String> headers, String body, String raw) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String[] lines = head.split("\r\n");
            if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP response: " + raw);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers,
                    end < 0 ? "" : raw.substring(end + 4), raw);
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        @Override
        public String toString() {
            return raw.length() > 600 ? raw.substring(0, 600) + "…" : raw;
        }
    }
}
