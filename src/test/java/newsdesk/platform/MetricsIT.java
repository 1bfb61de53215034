package newsdesk.platform;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom's figures at /metrics, read as Prometheus reads them: exact increments for what committed, in
 * languages only this test uses, nothing for what was refused, and the outbox backlog as the database has it.
 */
@ExtendWith(NewsdeskServer.class)
class MetricsIT {

    /** What a Prometheus server sends when it scrapes: OpenMetrics preferred, the 0.0.4 text format accepted. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    MetricsIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    private PrometheusText scrape() {
        String text = desk.anonymous().header("Accept", PROMETHEUS_ACCEPT).get("/metrics")
                .then().statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        return PrometheusText.parse(text);
    }

    private static double publications(PrometheusText metrics, String language, String action) {
        return metrics.value("newsdesk_publications_total", Map.of("language", language, "action", action));
    }

    private static double taskActions(PrometheusText metrics, String language, String action) {
        return metrics.value("newsdesk_task_actions_total", Map.of("language", language, "action", action));
    }

    @Test
    void countsWhatCommittedPerLanguageAndAction() {
        String source = desk.newLanguage();
        String target = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(target);
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), target);
        PrometheusText before = scrape();

        String id = stories.create(editor, source);
        // Refused: a stale ETag (412) and an action the state does not allow (409) change nothing and count nothing.
        desk.as(editor).header("If-Match", "\"99\"").body("{}").post(edition(id, source) + "/publish")
                .then().statusCode(412);
        desk.as(editor).header("If-Match", stories.etag(editor, id, source)).body(Map.of("reason", "not out yet"))
                .post(edition(id, source) + "/withdraw").then().statusCode(409);
        stories.publish(editor, id, source).then().statusCode(200);
        stories.publish(editor, id, source).then().statusCode(409);

        String task = desk.as(editor).body(Map.of("languages", List.of(target)))
                .post("/api/articles/" + id + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(translator).post("/api/tasks/" + task + "/claim").then().statusCode(200);
        desk.as(translator).post("/api/tasks/" + task + "/claim").then().statusCode(200);
        submit(translator, task);
        desk.as(reviewer).body(Map.of("comment", "Check the second paragraph")).post("/api/tasks/" + task + "/reject")
                .then().statusCode(200);
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + task + "/approve").then().statusCode(409);
        submit(translator, task);
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + task + "/approve").then().statusCode(200);
        stories.publish(editor, id, target).then().statusCode(200);
        stories.withdraw(editor, id, source, "The source retracted").then().statusCode(200);

        PrometheusText after = scrape();
        assertEquals(Map.of("publish", 1.0, "kill", 1.0), series(after, "newsdesk_publications_total", source));
        assertEquals(Map.of("publish", 1.0, "kill", 1.0), series(after, "newsdesk_publications_total", target));
        assertEquals(Map.of("claim", 1.0, "renew", 1.0, "submit", 2.0, "reject", 1.0, "approve", 1.0),
                series(after, "newsdesk_task_actions_total", target));
        assertEquals(Map.of(), series(after, "newsdesk_task_actions_total", source));
        for (String language : List.of(source, target)) {
            assertEquals(0, publications(before, language, "publish"), "a new language starts with no series");
            assertEquals(0, taskActions(before, language, "claim"));
        }
        assertEquals("counter", after.type("newsdesk_publications_total"));
        assertEquals("counter", after.type("newsdesk_task_actions_total"));
    }

    @Test
    void aChangeWhoseCommitFailsCountsNothing() {
        String source = desk.newLanguage();
        String target = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(target);
        String first = stories.create(editor, source);
        stories.publish(editor, first, source).then().statusCode(200);
        String task = desk.as(editor).body(Map.of("languages", List.of(target)))
                .post("/api/articles/" + first + "/translations").then().statusCode(201).extract().path("[0].id");
        String second = stories.create(editor, source);
        PrometheusText before = scrape();

        // The database refuses these languages' audit events at COMMIT, after every statement went through.
        desk.database().sql("""
                CREATE FUNCTION metrics_it_refuse() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'refused at commit by MetricsIT'; END $$""");
        try {
            desk.database().sql("CREATE CONSTRAINT TRIGGER metrics_it_refuse AFTER INSERT ON events"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.language IN ('" + source + "', '" + target
                    + "')) EXECUTE FUNCTION metrics_it_refuse()");
            assertTrue(stories.publish(editor, second, source).statusCode() >= 500);
            assertTrue(desk.as(translator).post("/api/tasks/" + task + "/claim").statusCode() >= 500);
        } finally {
            desk.database().sql("DROP TRIGGER IF EXISTS metrics_it_refuse ON events");
            desk.database().sql("DROP FUNCTION metrics_it_refuse()");
        }
        desk.as(editor).get(edition(second, source)).then().statusCode(200).body("state", equalTo("DRAFT"));
        PrometheusText refused = scrape();
        assertEquals(1, publications(before, source, "publish"));
        assertEquals(1, publications(refused, source, "publish"), "a publication that did not commit is not counted");
        assertEquals(0, taskActions(refused, target, "claim"), "nor a claim");

        stories.publish(editor, second, source).then().statusCode(200);
        desk.as(translator).post("/api/tasks/" + task + "/claim").then().statusCode(200);
        PrometheusText committed = scrape();
        assertEquals(2, publications(committed, source, "publish"));
        assertEquals(1, taskActions(committed, target, "claim"));
    }

    private void submit(Desk.Person translator, String task) {
        desk.as(translator).body(Stories.text("Translated " + task, "<p>Translated</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(200);
    }

    /** A language's series of one counter, by action (the application scope's only other label). */
    private static Map<String, Double> series(PrometheusText metrics, String name, String language) {
        Map<String, Double> byAction = new java.util.TreeMap<>();
        for (PrometheusText.Sample sample : metrics.samples(name, Map.of("language", language))) {
            assertEquals(Map.of("language", language, "action", sample.labels().get("action"), "mp_scope", "application"),
                    sample.labels());
            byAction.put(sample.labels().get("action"), sample.value());
        }
        return byAction;
    }

    @Test
    void countsFeedRendersAndCacheHitsPerFormat() {
        String language = desk.newLanguage();
        PrometheusText before = scrape();
        Object versionBefore = desk.database().value("SELECT version FROM publication_version");
        // A language no one asked for yet: its first feed is rendered, the second request is served as rendered.
        for (String file : List.of("atom.xml", "atom.xml", "feed.json", "feed.json")) {
            desk.anonymous().get("/feeds/" + language + "/" + file).then().statusCode(200);
        }
        boolean publishedMeanwhile = !versionBefore.equals(desk.database().value("SELECT version FROM publication_version"));
        PrometheusText after = scrape();
        for (String format : List.of("atom", "json")) {
            Map<String, String> labels = Map.of("format", format);
            double renders = after.value("newsdesk_feed_renders_total", labels)
                    - before.value("newsdesk_feed_renders_total", labels);
            double hits = after.value("newsdesk_feed_cache_hits_total", labels)
                    - before.value("newsdesk_feed_cache_hits_total", labels);
            assertEquals(2, renders + hits, format + ": every request is a render or a hit");
            if (!publishedMeanwhile) {
                assertEquals(1, renders, format + " rendered once");
                assertEquals(1, hits, format + " served once from the cache");
            }
        }
    }

    @Test
    void deliveryFailureSeriesExistFromTheStart() {
        PrometheusText metrics = scrape();
        assertEquals("counter", metrics.type("newsdesk_delivery_failures_total"));
        for (String channel : List.of("webhook", "websub")) {
            assertEquals(1, metrics.samples("newsdesk_delivery_failures_total", Map.of("channel", channel)).size(), channel);
            assertTrue(metrics.value("newsdesk_delivery_failures_total", Map.of("channel", channel)) >= 0);
        }
    }

    @Test
    void outboxLagIsReadFromTheDatabase() throws Exception {
        PrometheusText idle = scrape();
        assertEquals("gauge", idle.type("newsdesk_outbox_pending"));
        assertEquals("gauge", idle.type("newsdesk_outbox_oldest_pending_age_seconds"));
        double pending = idle.value("newsdesk_outbox_pending", Map.of());
        double age = idle.value("newsdesk_outbox_oldest_pending_age_seconds", Map.of());
        assertTrue(pending >= 0 && pending == Math.rint(pending), "pending rows: " + pending);
        assertTrue(age >= 0 && age < 60, "the relay runs every half second, so nothing waits long: " + age);

        // A row the relay cannot take (this test holds its lock; the relay skips locked rows), an hour old.
        String language = desk.newLanguage();
        String article = stories.create(editor, language);
        try (Connection holder = DriverManager.getConnection(desk.database().url())) {
            holder.setAutoCommit(false);
            long row = stuckRow(holder, desk.database().url(), article, language);
            PrometheusText stuck = scrape();
            assertTrue(stuck.value("newsdesk_outbox_pending", Map.of()) >= 1);
            double stuckAge = stuck.value("newsdesk_outbox_oldest_pending_age_seconds", Map.of());
            assertTrue(stuckAge >= 3600 && stuckAge < 3600 + 60, "the held row is an hour old: " + stuckAge);
            // It was never a real change: mark it done before letting go, so no relay ever hands it on.
            try (PreparedStatement done = holder.prepareStatement("UPDATE outbox SET processed_at = now() WHERE id = ?")) {
                done.setLong(1, row);
                assertEquals(1, done.executeUpdate());
            }
            holder.commit();
        }
        double ageAfter = scrape().value("newsdesk_outbox_oldest_pending_age_seconds", Map.of());
        assertTrue(ageAfter < 60, "the backlog is gone once the row is done: " + ageAfter);
    }

    /**
     * Writes an hour-old pending row and locks it in {@code holder}'s transaction. The insert has to commit
     * first to be seen by the server; if the relay takes the row in between, it is relayed (a repeated
     * notification for a real article, which at-least-once delivery allows) and the next attempt is made.
     */
    private static long stuckRow(Connection holder, String url, String article, String language) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            long id;
            try (Connection writer = DriverManager.getConnection(url);
                 PreparedStatement insert = writer.prepareStatement("""
                         INSERT INTO outbox (topic, article_id, language, created_at)
                         VALUES ('publish', ?, ?, now() - interval '1 hour') RETURNING id""")) {
                insert.setObject(1, UUID.fromString(article));
                insert.setString(2, language);
                try (ResultSet rows = insert.executeQuery()) {
                    assertTrue(rows.next());
                    id = rows.getLong(1);
                }
            }
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM outbox WHERE id = ? AND processed_at IS NULL FOR UPDATE SKIP LOCKED")) {
                lock.setLong(1, id);
                try (ResultSet rows = lock.executeQuery()) {
                    if (rows.next()) {
                        return id;
                    }
                }
            }
        }
        throw new AssertionError("the relay took every row before the test could hold one");
    }

    @Test
    void metricsArePublicPrometheusText() {
        String text = desk.anonymous().get("/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        PrometheusText metrics = PrometheusText.parse(text);
        assertFalse(metrics.samples("newsdesk_outbox_pending", Map.of("mp_scope", "application")).isEmpty());
        // The application's registry alone, and the JVM's beside it in the full scrape.
        PrometheusText application = PrometheusText.parse(desk.anonymous().get("/metrics?scope=application")
                .then().statusCode(200).extract().asString());
        assertTrue(application.all().stream().allMatch(s -> s.name().startsWith("newsdesk_")), "application scope");
        assertFalse(metrics.samples("jvm_uptime_seconds", Map.of()).isEmpty());
        // Payara writes the 0.0.4 text format only: a client that accepts nothing else is refused.
        desk.anonymous().header("Accept", "application/openmetrics-text;version=1.0.0").get("/metrics")
                .then().statusCode(406);
    }
}
