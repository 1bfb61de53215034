package newsdesk.article;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static newsdesk.testing.Stories.edition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writers racing each other: exactly one wins, the others are told, and nothing is lost or doubled. */
@ExtendWith(NewsdeskServer.class)
class PublicationConcurrencyIT {

    private static final int RACERS = 8;

    private final Desk desk;
    private final Stories stories;

    PublicationConcurrencyIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
    }

    @Test
    void twoEditorsSavingFromTheSameETagOneWinsOneGets412() throws Exception {
        Desk.Person first = desk.newEditor();
        Desk.Person second = desk.newEditor();
        String id = stories.create(first, "en");
        String etag = stories.etag(first, id, "en");

        List<Integer> statuses = race(List.of(
                () -> desk.as(first).header("If-Match", etag).body(Stories.text("First", "<p>1</p>"))
                        .put(edition(id, "en")).statusCode(),
                () -> desk.as(second).header("If-Match", etag).body(Stories.text("Second", "<p>2</p>"))
                        .put(edition(id, "en")).statusCode()));

        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        List<String> titles = desk.as(first).get(edition(id, "en") + "/revisions").then().extract().path("title");
        assertEquals(2, titles.size(), "one new revision, not two");
    }

    @Test
    void racingPublishersPublishOnce() throws Exception {
        Desk.Person editor = desk.newEditor();
        String id = stories.create(editor, "en");
        String etag = stories.etag(editor, id, "en");
        List<Callable<Integer>> publishers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            publishers.add(() -> desk.as(editor).header("If-Match", etag).body("{}")
                    .post(edition(id, "en") + "/publish").statusCode());
        }

        List<Integer> statuses = race(publishers);

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        assertEquals(1L, desk.database().value(
                "SELECT count(*) FROM events WHERE article_id = ?::uuid AND action = 'publish'", id));
        assertEquals(1L, desk.database().value(
                "SELECT count(*) FROM outbox WHERE article_id = ?::uuid AND topic = 'publish'", id));
    }

    @Test
    void racingCreatesWithOneIdempotencyKeyMakeOneArticle() throws Exception {
        Desk.Person editor = desk.newEditor();
        String key = UUID.randomUUID().toString();
        Map<String, Object> story = Stories.story("en", "Raced " + key);
        List<Callable<Integer>> creators = new ArrayList<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < RACERS; i++) {
            creators.add(() -> {
                Response response = desk.as(editor).header("Idempotency-Key", key).body(story).post("/api/articles");
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                }
                return response.statusCode();
            });
        }

        List<Integer> statuses = race(creators);

        assertEquals(RACERS, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        assertEquals(1L, desk.database().value(
                "SELECT count(*) FROM revisions WHERE title = ?", "Raced " + key));
    }

    /**
     * A create whose slug another story takes while it runs (the other transaction holds the slug until the create is
     * waiting on it): the create's statement writes nothing, and the next try makes the story with the next free slug
     * and its key; nothing is doubled.
     */
    @Test
    void aCreateThatLosesItsSlugToAConcurrentWriterTakesTheNextOne() throws Exception {
        Desk.Person editor = desk.newEditor();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String base = "slug-race-" + suffix;
        String other = stories.create(editor, "en");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection(desk.database().url())) {
            holder.setAutoCommit(false);
            try (var take = holder.prepareStatement("UPDATE editions SET slug = ? WHERE article_id = ?::uuid")) {
                take.setString(1, base);
                take.setString(2, other);
                assertEquals(1, take.executeUpdate());
            }
            Future<Response> create = pool.submit(() -> desk.as(editor).header("Idempotency-Key", key)
                    .body(Stories.story("en", "Slug race " + suffix)).post("/api/articles"));
            awaitWaitingOnALock();
            holder.commit();
            Response created = create.get(30, TimeUnit.SECONDS);
            created.then().statusCode(201);
            assertEquals(base + "-2", created.path("editions[0].slug"));
            desk.as(editor).header("Idempotency-Key", key).body(Stories.story("en", "Slug race " + suffix))
                    .post("/api/articles").then().statusCode(201);
            assertEquals(1L, desk.database().value("SELECT count(*) FROM revisions WHERE title = ?", "Slug race " + suffix));
            assertEquals(created.path("id").toString(), desk.database().value(
                    "SELECT resource_id::text FROM idempotency_keys WHERE key = ?", key));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Until a backend of this database waits on a lock (the create, behind the uncommitted slug). */
    private void awaitWaitingOnALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Object waiting = desk.database().value("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if (((Number) waiting).longValue() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the create never waited on the taken slug");
    }

    /** Starts all calls at the same moment (a latch) and returns their results. */
    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
