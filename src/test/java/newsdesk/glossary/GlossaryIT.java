package newsdesk.glossary;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The glossary over HTTP: the starter terms, editors keeping them, and submissions checked against them. */
@ExtendWith(NewsdeskServer.class)
class GlossaryIT {

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;

    GlossaryIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
    }

    @Test
    void theStarterGlossaryIsThereAtTheFirstStart() {
        Desk.Person translator = desk.newTranslator("en");
        desk.as(translator).queryParam("pair", "uk-en").queryParam("q", "Kiev").get("/api/glossary")
                .then().statusCode(200)
                .body("items.find { it.term == 'Київ' }.preferred", equalTo("Kyiv"))
                .body("items.find { it.term == 'Київ' }.forbidden", hasItem("Kiev"));
        desk.as(translator).queryParam("pair", "uk-ru").queryParam("q", "Днепропетровск").get("/api/glossary")
                .then().statusCode(200).body("items[0].term", equalTo("Дніпро")).body("items[0].preferred", equalTo("Днепр"));
        desk.as(translator).queryParam("pair", "ru-uk").queryParam("q", "Киеве").get("/api/glossary")
                .then().statusCode(200).body("items[0].preferred", equalTo("Київ"));
        desk.as(translator).queryParam("pair", "uk").get("/api/glossary").then().statusCode(422)
                .body("errors[0].field", equalTo("pair"));
    }

    @Test
    void editorsKeepTheGlossaryAndStaffReadIt() {
        String from = desk.newLanguage();
        String to = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(to);
        Map<String, Object> term = Map.of("sourceLanguage", from, "targetLanguage", to, "term", "Kyjiw",
                "preferred", "Kyiv", "forbidden", List.of("Kiev", "Kiew"), "note", "national transliteration");
        desk.as(translator).body(term).post("/api/glossary").then().statusCode(403);
        Response created = desk.as(editor).body(term).post("/api/glossary");
        created.then().statusCode(201).header("Location", containsString("/api/glossary/"))
                .body("preferred", equalTo("Kyiv")).body("forbidden", equalTo(List.of("Kiev", "Kiew")));
        String id = created.path("id");
        String etag = created.header("ETag");
        desk.as(editor).body(term).post("/api/glossary").then().statusCode(409);
        desk.as(translator).get("/api/glossary/" + id).then().statusCode(200).body("term", equalTo("Kyjiw"));
        desk.as(translator).queryParam("pair", from + "-" + to).get("/api/glossary").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        desk.as(editor).body(Map.of("sourceLanguage", from, "targetLanguage", to, "term", "Odesa", "preferred", "Odesa"))
                .post("/api/glossary").then().statusCode(201);
        String next = desk.as(translator).queryParam("pair", from + "-" + to).queryParam("limit", 1).get("/api/glossary")
                .then().statusCode(200).body("items[0].term", equalTo("Kyjiw")).extract().path("nextCursor");
        desk.as(translator).queryParam("pair", from + "-" + to).queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/glossary").then().statusCode(200).body("items[0].term", equalTo("Odesa"))
                .body("nextCursor", equalTo(null));

        Map<String, Object> changed = Map.of("sourceLanguage", from, "targetLanguage", to, "term", "Kyjiw",
                "preferred", "Kyiv", "forbidden", List.of("Kiev"));
        desk.as(translator).header("If-Match", etag).body(changed).put("/api/glossary/" + id).then().statusCode(403);
        desk.as(editor).body(changed).put("/api/glossary/" + id).then().statusCode(428);
        desk.as(editor).header("If-Match", etag).body(changed).put("/api/glossary/" + id).then().statusCode(200)
                .body("forbidden", equalTo(List.of("Kiev")));
        desk.as(editor).header("If-Match", etag).body(changed).put("/api/glossary/" + id).then().statusCode(412);
        desk.as(editor).body(Map.of("sourceLanguage", from, "targetLanguage", "zz", "term", "x", "preferred", "y"))
                .post("/api/glossary").then().statusCode(422).body("errors[0].field", equalTo("targetLanguage"));

        desk.as(translator).delete("/api/glossary/" + id).then().statusCode(403);
        desk.asAdmin().delete("/api/glossary/" + id).then().statusCode(204);
        desk.as(translator).get("/api/glossary/" + id).then().statusCode(404);
    }

    @Test
    void claimNextShowsThePairsTermsAsTheyAreNow() {
        String to = desk.newLanguage();
        Desk.Person translator = desk.newTranslator(to);
        Response created = desk.as(editor).body(Map.of("sourceLanguage", "uk", "targetLanguage", to, "term", "Дніпро",
                "preferred", "Dnipro", "forbidden", List.of("Dnepr"))).post("/api/glossary");
        created.then().statusCode(201);
        openTask("Дніпро вийшов з берегів", to);
        desk.as(translator).body(Map.of("language", to)).post("/api/tasks/claim-next").then().statusCode(200)
                .body("glossary.find { it.field == 'title' }.found", equalTo("Дніпро"))
                .body("glossary.find { it.field == 'title' }.preferred", equalTo("Dnipro"));

        // Changed: the next claim shows the new preferred form (the pair's terms are read again).
        desk.as(editor).header("If-Match", created.header("ETag")).body(Map.of("sourceLanguage", "uk",
                "targetLanguage", to, "term", "Дніпро", "preferred", "the Dnipro")).put("/api/glossary/" + created.path("id"))
                .then().statusCode(200);
        openTask("Міст через Дніпро", to);
        desk.as(translator).body(Map.of("language", to)).post("/api/tasks/claim-next").then().statusCode(200)
                .body("glossary.find { it.field == 'title' }.preferred", equalTo("the Dnipro"));

        // Gone: no hit any more.
        desk.asAdmin().delete("/api/glossary/" + created.path("id")).then().statusCode(204);
        openTask("Пляжі: Дніпро чекає", to);
        desk.as(translator).body(Map.of("language", to)).post("/api/tasks/claim-next").then().statusCode(200)
                .body("source.title", equalTo("Пляжі: Дніпро чекає")).body("glossary", hasSize(0));
    }

    private void openTask(String title, String language) {
        Map<String, Object> story = Stories.story("uk", title);
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        stories.publish(editor, articleId, "uk").then().statusCode(200);
        desk.as(editor).body(Map.of("languages", List.of(language))).post("/api/articles/" + articleId + "/translations")
                .then().statusCode(201);
    }

    @Test
    void aTranslationUsingForbiddenFormsIsRefusedWithPositionsAndPreferredForms() {
        Desk.Person translator = desk.newTranslator("en");
        String task = claimedTask("uk", "Вибухи у Києві та Харкові", "<p>Мер Києва каже: все гаразд</p>", "en", translator);
        desk.as(translator).get("/api/tasks/" + task).then().statusCode(200)
                .body("glossary.find { it.field == 'title' && it.found == 'Києві' }.preferred", equalTo("Kyiv"))
                .body("glossary.find { it.field == 'title' && it.found == 'Києві' }.offset", equalTo(9))
                .body("glossary.find { it.found == 'Харкові' }.preferred", equalTo("Kharkiv"))
                .body("glossary.find { it.field == 'body' }.found", equalTo("Києва"));

        desk.as(translator).body(Map.of("title", "Blasts in Kiev and Kharkov", "summary", "",
                        "body", "<p>😀 The mayor of KIEV says all is well</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(3))
                .body("errors[0].field", equalTo("title")).body("errors[0].found", equalTo("Kiev"))
                .body("errors[0].preferred", equalTo("Kyiv")).body("errors[0].offset", equalTo(10))
                .body("errors[0].term", equalTo("Київ")).body("errors[0].kind", equalTo("forbidden"))
                .body("errors[1].found", equalTo("Kharkov")).body("errors[1].preferred", equalTo("Kharkiv"))
                .body("errors[1].offset", equalTo(19))
                // "<p>", the emoji (one code point), " The mayor of ": 3 + 1 + 14
                .body("errors[2].field", equalTo("body")).body("errors[2].found", equalTo("KIEV"))
                .body("errors[2].offset", equalTo(18));
        desk.as(translator).get("/api/tasks/" + task).then().statusCode(200).body("state", equalTo("CLAIMED"));

        desk.as(translator).body(Map.of("title", "Blasts in Kyiv and Kharkiv", "summary", "",
                        "body", "<p>😀 Kyiv's mayor says all is well</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void russianFormsInAUkrainianTranslationAreRefused() {
        Desk.Person translator = desk.newTranslator("uk");
        String task = claimedTask("ru", "Взрывы в Киеве", "<p>Мэр Киева</p>", "uk", translator);
        desk.as(translator).body(Map.of("title", "Вибухи в Киеве", "summary", "", "body", "<p>Мер Києва</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].found", equalTo("Киеве"))
                .body("errors[0].preferred", equalTo("Київ")).body("errors[0].offset", equalTo(9));
        desk.as(translator).body(Map.of("title", "Вибухи у Києві", "summary", "", "body", "<p>Мер Києва</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(200);
    }

    @Test
    void aTranslationThatDropsARequiredTermIsRefused() {
        Desk.Person translator = desk.newTranslator("en");
        String task = claimedTask("uk", "Нічна атака на Одесу", "<p>Без жертв</p>", "en", translator);
        desk.as(translator).body(Map.of("title", "A night attack on the port", "summary", "", "body", "<p>No victims</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].kind", equalTo("missing"))
                .body("errors[0].term", equalTo("Одеса")).body("errors[0].preferred", equalTo("Odesa"))
                .body("errors[0].field", equalTo("title")).body("errors[0].offset", equalTo(15));
        desk.as(translator).body(Map.of("title", "A night attack on Odesa", "summary", "", "body", "<p>No victims</p>"))
                .post("/api/tasks/" + task + "/submit").then().statusCode(200);
    }

    @Test
    void aReviewersOverrideLetsAHitStandAndIsInTheAuditTrail() {
        Desk.Person translator = desk.newTranslator("en");
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), "en");
        String title = "Чорнобиль: 40 років";
        Map<String, Object> story = Stories.story("uk", title);
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        String task = requestAndClaim(articleId, "en", translator);
        Map<String, Object> text = Map.of("title", "The Chernobyl disaster: 40 years on", "summary", "Chornobyl",
                "body", "<p>Chornobyl</p>");
        Response refused = desk.as(translator).body(text).post("/api/tasks/" + task + "/submit");
        refused.then().statusCode(422).body("errors", hasSize(1)).body("errors[0].found", equalTo("Chernobyl"));
        String termId = refused.path("errors[0].termId");

        Map<String, Object> override = Map.of("termId", termId, "found", "Chernobyl",
                "reason", "The disaster keeps its historical English name");
        desk.as(translator).body(override).post("/api/tasks/" + task + "/glossary-overrides").then().statusCode(403);
        desk.as(reviewer).body(Map.of("termId", termId, "found", "Chernobyl"))
                .post("/api/tasks/" + task + "/glossary-overrides").then().statusCode(422);
        desk.as(reviewer).body(override).post("/api/tasks/" + task + "/glossary-overrides").then().statusCode(200)
                .body("state", equalTo("CLAIMED"));
        desk.as(editor).get("/api/articles/" + articleId + "/events").then().statusCode(200)
                .body("find { it.action == 'override-glossary' }.actorId", equalTo(reviewer.id()))
                .body("find { it.action == 'override-glossary' }.detail",
                        containsString("The disaster keeps its historical English name"))
                .body("find { it.action == 'override-glossary' }.detail", containsString("\"Chernobyl\" allowed"));

        desk.as(translator).body(text).post("/api/tasks/" + task + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("submittedRevision", notNullValue());
    }

    private String claimedTask(String sourceLanguage, String title, String body, String language, Desk.Person translator) {
        Map<String, Object> story = Stories.story(sourceLanguage, title);
        story.put("summary", "");
        story.put("body", body);
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        return requestAndClaim(articleId, language, translator);
    }

    private String requestAndClaim(String articleId, String language, Desk.Person translator) {
        stories.publish(editor, articleId, sourceOf(articleId)).then().statusCode(200);
        String task = desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(translator).post("/api/tasks/" + task + "/claim").then().statusCode(200);
        return task;
    }

    private String sourceOf(String articleId) {
        return desk.as(editor).get("/api/articles/" + articleId).then().statusCode(200).extract().path("sourceLanguage");
    }
}
