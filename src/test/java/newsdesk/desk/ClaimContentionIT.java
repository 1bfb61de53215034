package newsdesk.desk;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 32 claimers (two translators, two server instances sharing one database) empty a queue of 200 tasks:
 * every task is claimed exactly once and nobody sees an error.
 */
@ExtendWith(NewsdeskServer.class)
class ClaimContentionIT {

    private static final int TASKS = 200;
    private static final int THREADS = 32;

    private final Desk desk;
    private final Stories stories;

    ClaimContentionIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
    }

    @Test
    void everyTaskIsClaimedExactlyOnce() throws Exception {
        String language = desk.newLanguage();
        Desk.Person editor = desk.newEditor();
        List<Desk.Person> translators = List.of(desk.newTranslator(language), desk.newTranslator(language));
        for (int i = 0; i < TASKS; i++) {
            String id = stories.create(editor, "uk");
            desk.as(editor).body(Map.of("languages", List.of(language))).post("/api/articles/" + id + "/translations")
                    .then().statusCode(201);
        }
        List<ServerProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                instances.add(ServerProcess.launch("contention-" + i, Map.of(
                        "NEWSDESK_DB_URL", desk.database().url(),
                        "NEWSDESK_DATA_DIR", Path.of("target", "it", "contention-" + i + "-" + desk.database().name()).toString(),
                        "NEWSDESK_DESK_MAX_CLAIMS", "100000",
                        "NEWSDESK_DB_POOL_SIZE", "16")));
            }
            instances.forEach(ServerProcess::awaitReady);

            Map<String, Integer> claims = new ConcurrentHashMap<>();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> claimers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Desk.Person translator = translators.get(t % 2);
                String base = instances.get((t / 2) % 2).baseUri().toString();
                claimers.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        Response response = RestAssured.given().baseUri(base).contentType(ContentType.JSON)
                                .header("Authorization", "Bearer " + translator.token())
                                .body(Map.of("language", language)).post("/api/tasks/claim-next");
                        if (response.statusCode() == 204) {
                            return null;
                        }
                        if (response.statusCode() != 200) {
                            errors.add(response.statusCode() + " " + response.asString());
                            return null;
                        }
                        claims.merge(response.path("id"), 1, Integer::sum);
                    }
                }));
            }
            start.countDown();
            for (Future<?> claimer : claimers) {
                claimer.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertEquals(List.of(), errors);
            assertEquals(TASKS, claims.size(), "every task was claimed");
            assertEquals(List.of(1), claims.values().stream().distinct().toList(), "and none twice");
            assertEquals((long) TASKS, desk.database().value(
                    "SELECT count(*) FROM tasks WHERE language = ? AND state = 'CLAIMED'", language));
        } finally {
            instances.forEach(ServerProcess::close);
        }
    }
}
