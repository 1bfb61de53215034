package newsdesk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether the deployed application really serves: its public language list answers 200 on the local port. */
final class DeploymentCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeploymentCheck() {
    }

    /** The filter answers 503 to everyone else until this check has passed. */
    static final String TOKEN = java.util.UUID.randomUUID().toString();
    static final String HEADER = "X-Newsdesk-Deployment-Check";

    static boolean answers(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/languages"))
                .header(HEADER, TOKEN).timeout(TIMEOUT).GET().build();
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
