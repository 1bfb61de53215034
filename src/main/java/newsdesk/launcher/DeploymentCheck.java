package newsdesk.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whether the deployed application really serves: its JAX-RS ping answers 204 on the local port (a failed start
 * leaves Payara answering 500). The ping touches neither the database (/health/ready checks that) nor JSON-B,
 * whose set-up waits for the first request that needs it instead of delaying the start.
 */
final class DeploymentCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeploymentCheck() {
    }

    /** The filter answers 503 to everyone else until this check has passed. */
    static final String TOKEN = java.util.UUID.randomUUID().toString();
    static final String HEADER = "X-Newsdesk-Deployment-Check";

    /**
     * One plain HTTP/1.1 request over a socket: java.net.http's client would load some 450 classes and
     * initialise TLS on the start's critical path for this single local request.
     */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + HEADER + ": " + TOKEN
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusLine(socket.getInputStream()).startsWith("HTTP/1.1 204 ");
        } catch (IOException e) {
            return false;
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n' && line.length() < 200; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
