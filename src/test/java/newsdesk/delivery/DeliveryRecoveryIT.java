package newsdesk.delivery;

import io.restassured.path.json.JsonPath;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.ServerProcess;
import newsdesk.testing.Stories;
import newsdesk.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliveries survive a crash of the server, and a subscriber that keeps failing is disabled until an admin re-enables it. */
class DeliveryRecoveryIT {

    private static Map<String, String> settings(TestDatabase database, String hub, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "NEWSDESK_DB_URL", database.url(),
                "NEWSDESK_ADMIN_PASSWORD", NewsdeskServer.ADMIN_PASSWORD,
                "NEWSDESK_DATA_DIR", Path.of("target", "it", "data-" + database.name()).toString(),
                "NEWSDESK_PUBLIC_URL", "https://news.example.org",
                "NEWSDESK_WEBSUB_HUB", hub,
                "NEWSDESK_WEBHOOK_RETRY_SCHEDULE", "PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S"));
        environment.putAll(more);
        return environment;
    }

    @Test
    void aServerKilledMidDeliveryDeliversAfterItsRestart() {
        try (TestDatabase database = TestDatabase.create();
             Receiver subscriber = Receiver.start(Receiver.HANG);
             // The hub answers nothing while the first server lives (a ping it answered would rightly not be
             // sent again after the restart), so every changed feed must be pinged by the second server.
             Receiver hub = Receiver.start(hangs(100))) {
            Map<String, String> environment = settings(database, hub.url("/hub"),
                    Map.of("NEWSDESK_DELIVERY_TIMEOUT_MILLIS", "8000"));
            String webhook;
            String article;
            String section;
            try (ServerProcess first = ServerProcess.start("deliveries-crash", environment)) {
                Desk desk = new Desk(first.baseUri(), database, null);
                webhook = desk.asAdmin().body(Map.of("url", subscriber.url("/hook"), "eventTypes",
                        List.of("edition.published"))).post("/api/webhooks").then().statusCode(201).extract().path("id");
                Desk.Person editor = desk.newEditor();
                Stories stories = new Stories(desk);
                article = stories.create(editor, "en", "Crash test");
                section = desk.as(editor).get("/api/articles/" + article).then().extract().path("section");
                stories.publish(editor, article, "en").then().statusCode(200);

                // The subscriber and the hub each hold the first request open; the server dies meanwhile.
                subscriber.await("the first delivery", 60, () -> subscriber.received().size() == 1);
                hub.await("the first pings", 60, () -> hub.received().size() >= 1);
                assertEquals(1, subscriber.received().size(), "still the first attempt when the server dies");
                first.kill();
            }
            int hubAtKill = hub.received().size();
            hub.answerWith204();
            String webhookId = subscriber.received().get(0).header("webhook-id");

            try (ServerProcess second = ServerProcess.start("deliveries-restart", environment)) {
                Desk desk = new Desk(second.baseUri(), database, null);
                subscriber.await("the delivery after the restart", 90, () -> subscriber.received().size() >= 2);
                Receiver.Request again = subscriber.received().get(1);
                assertEquals(webhookId, again.header("webhook-id"), "the same message, by its id");
                assertEquals(article, JsonPath.from(again.body()).getString("data.articleId"));

                List<String> feeds = List.of("https://news.example.org/feeds/en/atom.xml",
                        "https://news.example.org/feeds/en/rss.xml", "https://news.example.org/feeds/en/feed.json",
                        "https://news.example.org/feeds/en/atom.xml?section=" + section);
                hub.await("pings of every changed feed", 90, () -> pinged(hub, hubAtKill).containsAll(feeds));
                desk.asAdmin().get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                        .body("items.size()", equalTo(1)).body("items[0].id", equalTo(webhookId))
                        .body("items[0].state", equalTo("delivered"));
            }
        }
    }

    private static Integer[] hangs(int count) {
        Integer[] statuses = new Integer[count];
        java.util.Arrays.fill(statuses, Receiver.HANG);
        return statuses;
    }

    @Test
    void aSubscriberFailingForTheWholeWindowIsDisabledAndAnAdminReEnablesIt() {
        Integer[] failures = new Integer[40];
        java.util.Arrays.fill(failures, 500);
        try (TestDatabase database = TestDatabase.create();
             Receiver subscriber = Receiver.start(failures);
             Receiver hub = Receiver.start();
             ServerProcess server = ServerProcess.start("deliveries-disable", settings(database, hub.url("/hub"),
                     Map.of("NEWSDESK_WEBHOOK_DISABLE_AFTER", "PT4S")))) {
            Desk desk = new Desk(server.baseUri(), database, null);
            String webhook = desk.asAdmin().body(Map.of("url", subscriber.url("/hook"), "eventTypes",
                    List.of("edition.published"))).post("/api/webhooks").then().statusCode(201).extract().path("id");
            Desk.Person editor = desk.newEditor();
            Stories stories = new Stories(desk);
            stories.publish(editor, stories.create(editor, "en"), "en").then().statusCode(200);

            subscriber.await("retries for the whole window", 60, () -> !desk.asAdmin().get("/api/webhooks/" + webhook)
                    .then().extract().<Boolean>path("enabled"));
            String etag = desk.asAdmin().get("/api/webhooks/" + webhook).then().statusCode(200)
                    .body("enabled", equalTo(false)).body("failingSince", notNullValue())
                    .body("disabledReason", containsString("HTTP 500")).extract().header("ETag");
            int tried = subscriber.received().size();
            assertTrue(tried >= 2, "retried before giving up: " + tried);
            JsonPath log = desk.asAdmin().get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("pending", log.getString("items[0].state"));
            assertTrue(log.getList("items[0].attempts.status").stream().allMatch(s -> Integer.valueOf(500).equals(s)),
                    log.prettify());

            pause(3000);
            assertEquals(tried, subscriber.received().size(), "a disabled subscription gets nothing");

            subscriber.answerWith204();
            desk.asAdmin().header("If-Match", etag).body(Map.of("enabled", true)).patch("/api/webhooks/" + webhook)
                    .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", nullValue())
                    .body("failingSince", nullValue());
            subscriber.await("the delivery after re-enabling", 30, () -> desk.asAdmin()
                    .get("/api/webhooks/" + webhook + "/deliveries").then().extract().path("items[0].state")
                    .equals("delivered"));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Feed URLs of the pings after the ones the hub held open until the server died. */
    private static List<String> pinged(Receiver hub, int skipped) {
        return hub.received().stream().skip(skipped).flatMap(r -> java.util.Arrays.stream(r.body().split("&")))
                .filter(pair -> pair.startsWith("hub.url="))
                .map(pair -> URLDecoder.decode(pair.substring("hub.url=".length()), StandardCharsets.UTF_8)).toList();
    }
}
