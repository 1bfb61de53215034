package newsdesk.launcher;

import newsdesk.testing.ServerProcess;
import newsdesk.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client (or nginx) that reaches an instance while it starts or stops gets 503 problem+json with
 * Retry-After, which it retries, and never Payara's own 404 page, which it would take as final: polled
 * from the moment the process starts until it serves, and again while it stops.
 */
class NotReadyAnswersIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAnswerWhileStartingOrStoppingIsA503ProblemOrTheApplicationsOwn(@TempDir Path dataDir) throws Exception {
        try (TestDatabase database = TestDatabase.create();
             ServerProcess server = ServerProcess.launch("not-ready", Map.of(
                     "NEWSDESK_DATA_DIR", dataDir.toString(), "NEWSDESK_DB_URL", database.url(),
                     "NEWSDESK_ADMIN_PASSWORD", "not-ready-admin-password"))) {
            List<Answer> starting = new ArrayList<>();
            Instant deadline = Instant.now().plus(START_LIMIT);
            boolean serving = false;
            for (int i = 0; !serving; i++) {
                assertTrue(Instant.now().isBefore(deadline) && server.process().isAlive(),
                        "the server did not serve within " + START_LIMIT + ": " + summary(starting));
                // A reader's feed request and an editor's write, in turn, each on a new connection.
                Answer answer = i % 2 == 0 ? send(server.baseUri(), "GET", "/feeds/en/atom.xml")
                        : send(server.baseUri(), "POST", "/api/auth/tokens");
                if (answer != null) {
                    starting.add(answer);
                    serving = answer.status() != 503;
                }
                Thread.sleep(POLL.toMillis());
            }
            starting.forEach(NotReadyAnswersIT::assertNotReadyOrTheApplications);
            // Payara deploys for seconds after it opens the port: many polls fall in between.
            assertTrue(starting.stream().anyMatch(a -> a.status() == 503), "no 503 seen: " + summary(starting));

            List<Answer> stopping = new ArrayList<>();
            AtomicBoolean stopped = new AtomicBoolean();
            Thread poller = new Thread(() -> {
                while (!stopped.get()) {
                    Answer answer = send(server.baseUri(), "GET", "/feeds/en/atom.xml");
                    if (answer != null) {
                        synchronized (stopping) {
                            stopping.add(answer);
                        }
                    }
                    sleep(POLL);
                }
            });
            poller.start();
            sleep(Duration.ofMillis(300));
            server.stop();
            stopped.set(true);
            poller.join();
            synchronized (stopping) {
                stopping.forEach(NotReadyAnswersIT::assertNotReadyOrTheApplications);
                assertTrue(stopping.stream().anyMatch(a -> a.status() == 200), "served before the stop: " + summary(stopping));
            }
        }
    }

    private static void assertNotReadyOrTheApplications(Answer answer) {
        String type = answer.contentType();
        assertTrue(!type.startsWith("text/html"), "Payara's own page: " + answer);
        if (answer.status() == 503) {
            assertEquals("application/problem+json;charset=utf-8", type, answer.toString());
            assertEquals("1", answer.retryAfter(), answer.toString());
            for (String member : List.of("\"type\":", "\"title\":", "\"status\":503", "\"detail\":")) {
                assertTrue(answer.body().contains(member), member + " in " + answer);
            }
        } else {
            // The application itself: the feed, or the sign-in's problem for a body without credentials.
            assertTrue(answer.status() == 200 && type.startsWith("application/atom+xml")
                    || answer.status() >= 400 && answer.status() < 500 && type.startsWith("application/problem+json"),
                    answer.toString());
        }
    }

    /** The answer, or null when nothing listens (yet or any more). */
    private static Answer send(URI base, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(method + " " + path, response.statusCode(),
                    response.headers().firstValue("content-type").orElse(""),
                    response.headers().firstValue("retry-after").orElse(""), response.body());
        } catch (IOException notListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String summary(List<Answer> answers) {
        return answers.stream().map(a -> a.request() + " " + a.status()).distinct().toList()
                + " (" + answers.size() + " answers)";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(String request, int status, String contentType, String retryAfter, String body) {
    }
}
