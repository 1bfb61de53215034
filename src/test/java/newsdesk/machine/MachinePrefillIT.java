package newsdesk.machine;

import io.restassured.path.json.JsonPath;
import newsdesk.testing.Desk;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Machine pre-fill on a server of its own with engines configured: ru→uk through the real Apertium (with
 * faults on demand: a hang, an abort, binary garbage), uk→en through a LibreTranslate stand-in, ru→en with
 * no engine. Claims and views never wait for an engine; failed segments are reported per segment; the
 * XLIFF export carries the suggestions marked mt-suggestion; an unedited suggestion is not a translation.
 */
class MachinePrefillIT {

    private static final String NS12 = "urn:oasis:names:tc:xliff:document:1.2";

    private static LibreTranslateStandIn libreTranslate;
    private static Desk.OwnServer server;
    private static Desk desk;
    private static Desk.Person editor;

    @BeforeAll
    static void start() {
        libreTranslate = LibreTranslateStandIn.start();
        server = new Desk.OwnServer("machine-prefill", Map.of(
                "NEWSDESK_MT_ENGINES", "ru-uk:apertium,uk-en:libretranslate",
                "NEWSDESK_MT_APERTIUM_COMMAND",
                "sh " + Path.of("src/test/resources/machine/apertium-with-faults.sh").toAbsolutePath(),
                "NEWSDESK_MT_LIBRETRANSLATE_URL", libreTranslate.url(),
                "NEWSDESK_MT_LIBRETRANSLATE_API_KEY", "newsroom-key",
                "NEWSDESK_MT_SEGMENT_TIMEOUT_MILLIS", "8000",
                "NEWSDESK_MT_INTERVAL_SECONDS", "1"));
        desk = server.desk();
        editor = desk.newEditor();
    }

    @AfterAll
    static void stop() {
        try {
            server.close();
        } finally {
            libreTranslate.close();
        }
    }

    @Test
    void apertiumPrefillsRussianToUkrainianAndReportsEachFailedSegment() throws Exception {
        Map<String, Object> story = Stories.story("ru", "Мэр Киева");
        story.put("summary", "Цены выросли на пять процентов. CRASH сегодня.");
        story.put("body", "<p>Школы откроются в сентябре. HANG здесь. GARBAGE там. Завтра в"
                + " <a href=\"https://example.org/odesa\">Одессе</a> ожидается <em>солнечная</em> погода.</p>");
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        JsonPath tasks = desk.as(editor).body(Map.of("languages", List.of("uk", "en")))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().jsonPath();
        String ukTask = tasks.getString("find { it.language == 'uk' }.id");
        String enTask = tasks.getString("find { it.language == 'en' }.id");

        // The claim does not wait for the engine (the pre-fill runs in the background).
        Desk.Person translator = desk.newTranslator("uk");
        desk.as(translator).post("/api/tasks/" + ukTask + "/claim").then().statusCode(200)
                .body("machine.engine", org.hamcrest.Matchers.everyItem(equalTo("apertium")));

        JsonPath view = filled(translator, ukTask);
        assertEquals(List.of("title-1", "summary-1", "summary-2", "body-1", "body-2", "body-3", "body-4"),
                view.getList("machine.segment"));
        assertEquals(List.of("machine"), view.getList("machine.origin").stream().distinct().toList());
        assertSuggestion(view, "title-1", "OK", "Мер Києва");
        assertSuggestion(view, "summary-1", "OK", "Ціни виросли на п'ятьох процентів.");
        assertSuggestion(view, "summary-2", "FAILED", null);
        assertTrue(view.getString("machine.find { it.segment == 'summary-2' }.detail").contains("std::bad_alloc"));
        assertSuggestion(view, "body-1", "OK", "Школи відкриються у вересні.");
        assertSuggestion(view, "body-2", "TIMEOUT", null);
        assertSuggestion(view, "body-3", "FAILED", null);
        assertSuggestion(view, "body-4", "OK", "Завтра у Одессе очікується сонячна погода.");
        assertNull(view.get("draft"), "a suggestion never becomes the draft by itself");

        // No engine for ru→en: no machine suggestions, and the task works as ever.
        desk.as(editor).get("/api/tasks/" + enTask).then().statusCode(200).body("machine", equalTo(List.of()));

        // The export seeds what the engine translated, marked, the link and the emphasis in place; failed segments
        // are copies.
        byte[] export = desk.as(translator).get("/api/tasks/" + ukTask + "/xliff").then().statusCode(200)
                .extract().asByteArray();
        Document file = parse(export);
        assertEquals("Мер Києва", target(file, "title-1").getTextContent());
        assertEquals("mt-suggestion", target(file, "title-1").getAttribute("state-qualifier"));
        assertEquals("Школи відкриються у вересні.", target(file, "body-1").getTextContent());
        assertEquals("mt-suggestion", target(file, "body-1").getAttribute("state-qualifier"));
        assertEquals("Завтра у Одессе очікується сонячна погода.", target(file, "body-4").getTextContent());
        assertEquals("mt-suggestion", target(file, "body-4").getAttribute("state-qualifier"));
        NodeList codes = target(file, "body-4").getElementsByTagNameNS(NS12, "g");
        assertEquals(2, codes.getLength());
        assertEquals("Одессе", codes.item(0).getTextContent());
        assertEquals("сонячна", codes.item(1).getTextContent());
        for (String copied : List.of("summary-2", "body-2", "body-3")) {
            assertTrue(!"mt-suggestion".equals(target(file, copied).getAttribute("state-qualifier")), copied);
        }

        // Machine output left as it was is not the translator's work; once edited, it is.
        desk.as(translator).contentType("application/xliff+xml").body(export).put("/api/tasks/" + ukTask + "/xliff")
                .then().statusCode(200).body("translated", equalTo(0));
        target(file, "title-1").setTextContent("Мер Києва Віталій Кличко");
        desk.as(translator).contentType("application/xliff+xml").body(serialize(file))
                .put("/api/tasks/" + ukTask + "/xliff").then().statusCode(200).body("translated", equalTo(1))
                .body("task.draft.title", equalTo("Мер Києва Віталій Кличко"));
        // The machine's words with a code moved are the translator's work, markup restored from the source.
        Element emphasis = (Element) codes.item(1);
        emphasis.getParentNode().removeChild(emphasis);
        target(file, "body-4").appendChild(emphasis);
        String body = desk.as(translator).contentType("application/xliff+xml").body(serialize(file))
                .put("/api/tasks/" + ukTask + "/xliff").then().statusCode(200).body("translated", equalTo(2))
                .extract().path("task.draft.body");
        assertTrue(body.contains("Завтра у <a href=\"https://example.org/odesa\"") && body.contains("Одессе</a> очікується")
                && body.contains("погода.<em>сонячна</em>"), body);
    }

    @Test
    void libreTranslatePrefillsOtherPairsAndAFailingServerFailsNothing() {
        Map<String, Object> story = Stories.story("uk", "Мер Києва відкрив новий міст");
        story.put("summary", "BROKEN речення.");
        story.put("body", "<p>Ціни зросли.</p><p>Мер <a href=\"https://example.org/kyiv\">Києва</a> відкрив міст.</p>");
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        String task = desk.as(editor).body(Map.of("languages", List.of("en")))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        Desk.Person translator = desk.newTranslator("en");
        desk.as(translator).post("/api/tasks/" + task + "/claim").then().statusCode(200);

        JsonPath view = filled(translator, task);
        assertEquals(List.of("libretranslate"), view.getList("machine.engine").stream().distinct().toList());
        assertSuggestion(view, "title-1", "OK", "EN(Мер Києва відкрив новий міст)");
        assertSuggestion(view, "summary-1", "FAILED", null);
        assertTrue(view.getString("machine.find { it.segment == 'summary-1' }.detail").contains("HTTP 500"));
        assertSuggestion(view, "body-1", "OK", "EN(Ціни зросли.)");
        assertSuggestion(view, "body-2", "OK", "EN(Мер Києва відкрив міст.)");
        assertTrue(libreTranslate.requests().stream().anyMatch(r -> "Мер <span id=\"c1\">Києва</span> відкрив міст."
                .equals(r.getString("q")) && "html".equals(r.getString("format"))), "a sentence with a link goes as html");
        assertTrue(libreTranslate.requests().stream().anyMatch(r -> "Мер Києва відкрив новий міст".equals(r.getString("q"))
                && "uk".equals(r.getString("source")) && "en".equals(r.getString("target"))
                && "text".equals(r.getString("format")) && "newsroom-key".equals(r.getString("api_key"))));
        String xliff = desk.as(translator).get("/api/tasks/" + task + "/xliff?version=2.1").then().statusCode(200)
                .extract().asString();
        assertTrue(xliff.contains(">EN(Мер <pc id=\"1\"") && xliff.contains(">Києва</pc> відкрив міст.)"), xliff);
    }

    /** The task view once the background pre-fill has been through every segment. */
    private static JsonPath filled(Desk.Person reader, String taskId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath view = desk.as(reader).get("/api/tasks/" + taskId).then().statusCode(200).extract().jsonPath();
            List<String> statuses = view.getList("machine.status");
            if (!statuses.isEmpty() && !statuses.contains("PENDING")) {
                return view;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the pre-fill did not finish in time: " + view.prettify());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void assertSuggestion(JsonPath view, String segment, String status, String text) {
        String at = "machine.find { it.segment == '" + segment + "' }.";
        assertEquals(status, view.getString(at + "status"), segment + ": " + view.getString(at + "detail"));
        assertEquals(text, view.getString(at + "text"), segment);
    }

    private static Element target(Document file, String unitId) {
        NodeList units = file.getElementsByTagNameNS(NS12, "trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            if (unit.getAttribute("id").equals(unitId)) {
                return (Element) unit.getElementsByTagNameNS(NS12, "target").item(0);
            }
        }
        throw new AssertionError("no trans-unit " + unitId);
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static byte[] serialize(Document file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(file), new StreamResult(out));
        return out.toByteArray();
    }
}
