package newsdesk.delivery;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook subscriptions over HTTP, and signed deliveries to a real receiver on 127.0.0.1. */
@ExtendWith(NewsdeskServer.class)
class WebhooksIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    WebhooksIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    private Response subscribe(String url, List<String> types, List<String> languages) {
        return desk.asAdmin().body(Map.of("url", url, "eventTypes", types, "languages", languages)).post("/api/webhooks");
    }

    @Test
    void adminsManageSubscriptionsAndSeeTheSecretOnce() {
        Response created = desk.asAdmin().header("Idempotency-Key", "hook-" + java.util.UUID.randomUUID())
                .body(Map.of("url", "https://partner.example.org/hooks", "eventTypes", List.of("edition.published")))
                .post("/api/webhooks");
        created.then().statusCode(201).body("secret", startsWith("whsec_")).body("enabled", equalTo(true))
                .body("languages", equalTo(List.of()));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/webhooks/" + id), created.header("Location"));
        byte[] key = java.util.Base64.getDecoder().decode(created.<String>path("secret").substring("whsec_".length()));
        assertTrue(key.length >= 24, "the spec asks for at least 24 bytes of secret");

        String etag = desk.asAdmin().get("/api/webhooks/" + id).then().statusCode(200).body("secret", nullValue())
                .body("url", equalTo("https://partner.example.org/hooks")).extract().header("ETag");
        desk.asAdmin().get("/api/webhooks?limit=100").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(startsWith("whsec_"))));

        desk.as(editor).get("/api/webhooks").then().statusCode(403);
        desk.anonymous().get("/api/webhooks/" + id).then().statusCode(401);

        desk.asAdmin().body(Map.of("enabled", false)).patch("/api/webhooks/" + id).then().statusCode(428);
        String changed = desk.asAdmin().header("If-Match", etag).body(Map.of("eventTypes", List.of("edition.withdrawn"),
                "languages", List.of("uk"))).patch("/api/webhooks/" + id).then().statusCode(200)
                .body("eventTypes", equalTo(List.of("edition.withdrawn"))).body("languages", equalTo(List.of("uk")))
                .body("url", equalTo("https://partner.example.org/hooks")).extract().header("ETag");
        assertFalse(changed.equals(etag));
        desk.asAdmin().header("If-Match", etag).body(Map.of("enabled", false)).patch("/api/webhooks/" + id)
                .then().statusCode(412);
        desk.asAdmin().header("If-Match", changed).body(Map.of("enabled", false)).patch("/api/webhooks/" + id)
                .then().statusCode(200).body("enabled", equalTo(false)).body("disabledReason", equalTo("disabled by an admin"));

        desk.asAdmin().delete("/api/webhooks/" + id).then().statusCode(204);
        desk.asAdmin().get("/api/webhooks/" + id).then().statusCode(404);
        desk.asAdmin().get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    void anIdempotentReplayReturnsTheSameSubscription() {
        String key = "hook-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("edition.published"));
        Response first = desk.asAdmin().header("Idempotency-Key", key).body(body).post("/api/webhooks");
        Response again = desk.asAdmin().header("Idempotency-Key", key).body(body).post("/api/webhooks");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.<String>path("id"), again.path("id"));
        assertEquals(first.<String>path("secret"), again.path("secret"));
        desk.asAdmin().header("Idempotency-Key", key).body(Map.of("url", "http://127.0.0.1:9/y",
                "eventTypes", List.of("edition.published"))).post("/api/webhooks").then().statusCode(422);
        desk.asAdmin().delete("/api/webhooks/" + first.path("id")).then().statusCode(204);
    }

    @Test
    void badSubscriptionsAreRefusedWith422() {
        subscribe("ftp://partner.example.org/x", List.of("edition.published"), List.of()).then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
        subscribe("partner.example.org/x", List.of("edition.published"), List.of()).then().statusCode(422);
        subscribe("https://partner.example.org/x", List.of("edition.eaten"), List.of()).then().statusCode(422)
                .body("errors[0].field", equalTo("eventTypes"));
        subscribe("https://partner.example.org/x", List.of(), List.of()).then().statusCode(422);
        subscribe("https://partner.example.org/x", List.of("edition.published"), List.of("xx-nowhere")).then()
                .statusCode(422).body("errors[0].field", equalTo("languages"));
    }

    @Test
    void deliveriesAreSignedPerStandardWebhooksAndFilteredByTypeAndLanguage() throws Exception {
        String language = desk.newLanguage();
        try (Receiver receiver = Receiver.start()) {
            Response published = subscribe(receiver.url("/published"), List.of("edition.published"), List.of(language));
            String secret = published.then().statusCode(201).extract().path("secret");
            String withdrawnOnly = subscribe(receiver.url("/withdrawn"), List.of("edition.withdrawn"), List.of(language))
                    .then().statusCode(201).extract().path("id");

            String other = stories.create(editor, "en");
            String id = stories.create(editor, language);
            stories.publish(editor, other, "en").then().statusCode(200);
            stories.publish(editor, id, language).then().statusCode(200);

            receiver.await("the publication", 30, () -> !receiver.received(r -> r.path().equals("/published")).isEmpty());
            Receiver.Request delivery = receiver.received(r -> r.path().equals("/published")).get(0);
            assertTrue(StandardWebhooks.verify(secret, delivery), "python's verification of " + delivery);
            assertFalse(StandardWebhooks.verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    delivery), "a wrong secret must not verify");
            assertTrue(delivery.header("content-type").startsWith("application/json"), delivery.toString());
            long sent = Long.parseLong(delivery.header("webhook-timestamp"));
            assertTrue(Math.abs(sent - java.time.Instant.now().getEpochSecond()) < 300, "timestamp in unix seconds");
            JsonPath json = JsonPath.from(delivery.body());
            assertEquals("edition.published", json.getString("type"));
            assertEquals(id, json.getString("data.articleId"));
            assertEquals(language, json.getString("data.language"));
            assertEquals("publish", json.getString("data.action"));
            assertEquals("news", json.getString("data.section"));
            assertFalse(json.getString("data.slug").isBlank(), delivery.body());
            java.time.Instant.parse(json.getString("timestamp"));

            String corrected = subscribe(receiver.url("/corrected"), List.of("edition.corrected", "edition.updated"),
                    List.of(language)).then().statusCode(201).extract().path("id");
            desk.as(editor).header("If-Match", stories.etag(editor, id, language))
                    .body(Stories.text("Corrected title", "<p>corrected</p>")).put(Stories.edition(id, language))
                    .then().statusCode(200);
            String articleTag = desk.as(editor).get("/api/articles/" + id).then().extract().header("ETag");
            desk.as(editor).header("If-Match", articleTag).body(Map.of("tags", List.of("retagged")))
                    .patch("/api/articles/" + id).then().statusCode(200);
            receiver.await("the correction and the metadata change", 30,
                    () -> receiver.received(r -> r.path().equals("/corrected")).size() >= 2);
            assertEquals(List.of("edition.corrected", "edition.updated"), receiver.received(r -> r.path().equals("/corrected"))
                    .stream().map(r -> JsonPath.from(r.body()).getString("type")).sorted().toList());
            desk.asAdmin().delete("/api/webhooks/" + corrected).then().statusCode(204);

            stories.withdraw(editor, id, language, "Legal").then().statusCode(200);
            receiver.await("the withdrawal", 30, () -> !receiver.received(r -> r.path().equals("/withdrawn")).isEmpty());
            Thread.sleep(1500);
            assertEquals(1, receiver.received(r -> r.path().equals("/published")).size(),
                    "the en story and the withdrawal are not for this subscription: " + receiver.received());
            List<Receiver.Request> withdrawn = receiver.received(r -> r.path().equals("/withdrawn"));
            assertEquals(1, withdrawn.size(), receiver.received().toString());
            assertEquals("edition.withdrawn", JsonPath.from(withdrawn.get(0).body()).getString("type"));

            desk.asAdmin().get("/api/webhooks/" + withdrawnOnly + "/deliveries").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].id", equalTo(withdrawn.get(0).header("webhook-id")))
                    .body("items[0].state", equalTo("delivered")).body("items[0].attempts[0].status", equalTo(204));
        }
    }

    @Test
    void aRefusedDeliveryIsRetriedWithTheSameWebhookId() {
        String language = desk.newLanguage();
        double failuresBefore = webhookFailures();
        try (Receiver receiver = Receiver.start(500)) {
            String hook = subscribe(receiver.url("/hook"), List.of("edition.published"), List.of(language))
                    .then().statusCode(201).extract().path("id");
            String id = stories.create(editor, language);
            stories.publish(editor, id, language).then().statusCode(200);

            receiver.await("the retry", 60, () -> receiver.received().size() >= 2);
            List<Receiver.Request> both = receiver.received();
            assertEquals(both.get(0).header("webhook-id"), both.get(1).header("webhook-id"));
            assertEquals(both.get(0).body(), both.get(1).body());

            JsonPath log = desk.asAdmin().get("/api/webhooks/" + hook + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("delivered", log.getString("items[0].state"));
            assertEquals(both.get(0).header("webhook-id"), log.getString("items[0].id"));
            assertEquals(List.of(500, 204), log.getList("items[0].attempts.status"));
            assertTrue(log.getInt("items[0].attempts[0].durationMillis") >= 0);
            desk.asAdmin().get("/api/webhooks/" + hook).then().body("failingSince", nullValue())
                    .body("enabled", equalTo(true));
        }
        assertTrue(webhookFailures() >= failuresBefore + 1, "the refused attempt counts in /metrics");
    }

    /** newsdesk_delivery_failures_total{channel="webhook"} as /metrics shows it now. */
    private double webhookFailures() {
        String text = desk.anonymous().accept("text/plain").get("/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile(
                "(?m)^newsdesk_delivery_failures_total\\{[^}]*channel=\"webhook\"[^}]*\\} (\\S+)$").matcher(text);
        assertTrue(sample.find(), "the webhook failure series is exposed");
        return Double.parseDouble(sample.group(1));
    }

    @Test
    void aSubscriberAnswering410GoneIsDisabledAtOnce() {
        String language = desk.newLanguage();
        try (Receiver receiver = Receiver.start(410)) {
            String hook = subscribe(receiver.url("/gone"), List.of("edition.published"), List.of(language))
                    .then().statusCode(201).extract().path("id");
            stories.publish(editor, stories.create(editor, language), language).then().statusCode(200);
            receiver.await("the disabling", 30, () -> !desk.asAdmin().get("/api/webhooks/" + hook).then().extract()
                    .<Boolean>path("enabled"));
            desk.asAdmin().get("/api/webhooks/" + hook).then().body("disabledReason", equalTo("The subscriber answered 410 Gone"))
                    .body("failingSince", org.hamcrest.Matchers.notNullValue());
            assertEquals(1, receiver.received().size());
        }
    }
}
