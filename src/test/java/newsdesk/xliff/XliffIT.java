package newsdesk.xliff;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static newsdesk.testing.Stories.edition;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XLIFF over HTTP on the real server, as a translator with a CAT tool works: claim, export, translate the
 * targets (the file re-serialized, as a CAT tool rewrites bytes), import, read the draft back; a stale or
 * broken file is refused and changes nothing; several tasks travel as one zip.
 */
@ExtendWith(NewsdeskServer.class)
class XliffIT {

    private static final String XLIFF = "application/xliff+xml";
    private static final String NS12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static final String NS20 = "urn:oasis:names:tc:xliff:document:2.0";

    private final Desk desk;
    private final Stories stories;
    private final Desk.Person editor;
    private final String language;
    private final Desk.Person translator;

    XliffIT(Desk desk) {
        this.desk = desk;
        this.stories = new Stories(desk);
        this.editor = desk.newEditor();
        this.language = desk.newLanguage();
        this.translator = desk.newTranslator(language);
    }

    @Test
    void aTranslatedFileBecomesTheDraftWithEveryCodeAndCharacter() throws Exception {
        String taskId = claimedTask(translator);
        Response export = desk.as(translator).get("/api/tasks/" + taskId + "/xliff");
        export.then().statusCode(200).contentType(startsWith(XLIFF))
                .header("Content-Disposition", containsString("task-" + taskId + ".xlf"));
        Document file = parse(export.asByteArray());
        assertEquals("needs-translation", ((Element) file.getElementsByTagNameNS(NS12, "target").item(0)).getAttribute("state"));

        byte[] translated = serialize(translateTargets(file, NS12, text -> "EN«" + text + "»", "body-5"));
        Response imported = desk.as(translator).contentType(XLIFF).body(translated).put("/api/tasks/" + taskId + "/xliff");
        imported.then().statusCode(200).body("segments", equalTo(8)).body("translated", equalTo(7))
                .body("untranslated", equalTo(List.of("body-5")));
        String body = desk.as(translator).get("/api/tasks/" + taskId).then().statusCode(200)
                .body("draft.title", equalTo("EN«Київ & Харків: <ціни> ростуть»"))
                .extract().path("draft.body");
        assertEquals("<p>EN«Мер Києва &amp; громада відкрили »<a href=\"https://example.org/a?b&#61;1&amp;c&#61;2\""
                + " rel=\"noopener\">EN«новий міст»</a>EN«.» EN«Це »<em>EN«важливо»</em>EN«!»<br />"
                + "EN«Ціни 📈 зросли на 5&lt;10 % \u200Fמרקר\u200F.»</p><ul><li>EN«Пункт »<strong>EN«перший»</strong></li>"
                + "<li>Пункт другий</li></ul>", body);

        // The untouched first export (every target a copy of its source) translates nothing: the draft stays.
        desk.as(translator).contentType(XLIFF).body(export.asByteArray()).put("/api/tasks/" + taskId + "/xliff")
                .then().statusCode(200).body("translated", equalTo(0)).body("untranslated.size()", equalTo(8))
                .body("task.draft.body", equalTo(body));

        // Exported again, the targets come from the draft; the untranslated one is still a copy of the source.
        Document again = parse(desk.as(translator).get("/api/tasks/" + taskId + "/xliff?version=2.1").then()
                .statusCode(200).extract().asByteArray());
        Map<String, String> origins = new HashMap<>();
        NodeList units = again.getElementsByTagNameNS(NS20, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            origins.put(unit.getAttribute("id"), unit.getAttributeNS(XliffVersion.NEWSDESK, "origin"));
        }
        assertEquals("draft", origins.get("body-1"));
        assertEquals("source", origins.get("body-5"));

        // The same round trip in XLIFF 2.1.
        byte[] translated21 = serialize(translateTargets(again, NS20, text -> text.startsWith("EN«") ? "2.1" + text : text, null));
        desk.as(translator).contentType("application/xml").body(translated21).put("/api/tasks/" + taskId + "/xliff")
                .then().statusCode(200).body("task.draft.title", equalTo("2.1EN«Київ & Харків: <ціни> ростуть»"))
                .body("untranslated", equalTo(List.of("body-5")));
    }

    @Test
    void aFileMadeFromAnOlderSourceIsRefusedWithTheDiff() throws Exception {
        String taskId = claimedTask(translator);
        String articleId = desk.as(translator).get("/api/tasks/" + taskId).then().extract().path("articleId");
        byte[] file = desk.as(translator).get("/api/tasks/" + taskId + "/xliff").then().statusCode(200).extract().asByteArray();
        desk.as(editor).header("If-Match", stories.etag(editor, articleId, "uk"))
                .body(Map.of("title", "Київ & Харків: ціни ростуть швидше", "summary", "s", "body", "<p>Нові факти.</p>"))
                .put(edition(articleId, "uk")).then().statusCode(200);
        desk.as(translator).post("/api/tasks/" + taskId + "/rebase").then().statusCode(200);
        byte[] translated = serialize(translateTargets(parse(file), NS12, text -> "EN " + text, null));
        desk.as(translator).contentType(XLIFF).body(translated).put("/api/tasks/" + taskId + "/xliff").then()
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("fileSourceRevision", equalTo(1)).body("taskSourceRevision", equalTo(2))
                .body("sourceDiff.field", hasItem("title"))
                .body("sourceDiff.find { it.field == 'title' }.hunks.to", hasItem(containsString("швидше")));
        desk.as(translator).get("/api/tasks/" + taskId).then().body("draft", equalTo(null));
    }

    @Test
    void brokenTamperedForeignAndHostileFilesAreRefusedAndChangeNothing() throws Exception {
        String taskId = claimedTask(translator);
        String otherTask = claimedTask(desk.newTranslator(language));
        byte[] good = desk.as(translator).get("/api/tasks/" + taskId + "/xliff").then().extract().asByteArray();
        String text = new String(good, StandardCharsets.UTF_8);
        String path = "/api/tasks/" + taskId + "/xliff";

        assertRefused(path, "not xml at all".getBytes(StandardCharsets.UTF_8), 400, "not well-formed");
        assertRefused(path, text.substring(0, text.length() - 200).getBytes(StandardCharsets.UTF_8), 400, "not well-formed");
        assertRefused(path, ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + text.substring(text.indexOf("<xliff")).replace("</source>", "&e;</source>")).getBytes(StandardCharsets.UTF_8),
                400, "DTD");
        assertRefused(path, ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;"
                + "&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
                + "<lolz>&lol2;</lolz>").getBytes(StandardCharsets.UTF_8), 400, "DTD");
        assertRefused(path, "<html><body/></html>".getBytes(StandardCharsets.UTF_8), 400, "not XLIFF");
        assertRefused(path, text.replaceFirst("nd:hash=\"[0-9a-f]{4}", "nd:hash=\"0000").getBytes(StandardCharsets.UTF_8),
                422, "title-1: nd:hash does not match");
        assertRefused(path, text.replace("Мер Києва", "Мер Одеси").getBytes(StandardCharsets.UTF_8), 422,
                "body-1: the source text was changed in the file");
        assertRefused(path, text.replaceFirst("(?s)<trans-unit id=\"body-2\".*?</trans-unit>", "")
                .getBytes(StandardCharsets.UTF_8), 422, "body-2: the segment is missing from the file");
        assertRefused(path, text.replaceFirst("(?s)(<trans-unit id=\"body-1\".*?<target[^>]*>.*?)<g id=\"1\" ctype=\"link\">(.*?)</g>", "$1$2")
                .getBytes(StandardCharsets.UTF_8), 422, "body-1: code 1 (<a>) is missing from the target");
        assertRefused(path, text.replaceFirst("(<target[^>]*>)", "$1<x id=\"9\" ctype=\"lb\"/>")
                .getBytes(StandardCharsets.UTF_8), 422, "title-1: code 9 is not in the source segment");
        assertRefused(path, text.replace("nd:task=\"" + taskId, "nd:task=\"" + otherTask).getBytes(StandardCharsets.UTF_8),
                422, "belongs to task " + otherTask);
        assertRefused(path, text.replace("nd:source-revision=\"1\"", "nd:source-revision=\"7\"")
                .getBytes(StandardCharsets.UTF_8), 422, "nd:source-revision 7");
        byte[] huge = new byte[1_100_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        desk.as(translator).contentType(XLIFF).body(huge).put(path).then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
        desk.as(translator).contentType("application/json").body("{}").put(path).then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
        desk.as(translator).contentType(XLIFF).put(path).then().statusCode(422);
        desk.as(translator).get("/api/tasks/" + taskId).then().body("draft", equalTo(null));
    }

    @Test
    void whoMayExportAndImport() {
        String taskId = claimedTask(translator);
        String path = "/api/tasks/" + taskId + "/xliff";
        byte[] file = desk.as(translator).get(path).then().statusCode(200).extract().asByteArray();
        desk.as(editor).get(path).then().statusCode(200);
        desk.as(desk.newPerson(List.of("REVIEWER"), language)).get(path).then().statusCode(200);
        desk.as(desk.newTranslator(language)).get(path).then().statusCode(403);
        desk.as(desk.newPerson(List.of("REVIEWER"), desk.newLanguage())).get(path).then().statusCode(403);
        desk.anonymous().get(path).then().statusCode(401);
        desk.as(editor).contentType(XLIFF).body(file).put(path).then().statusCode(403);
        desk.as(desk.newTranslator(language)).contentType(XLIFF).body(file).put(path).then().statusCode(409);
        desk.as(translator).get(path + "?version=3.0").then().statusCode(422);
    }

    @Test
    void severalTasksTravelAsOneZip() throws Exception {
        String first = claimedTask(translator);
        String second = claimedTask(translator);
        byte[] zip = desk.as(translator).get("/api/tasks/xliff?ids=" + first + "," + second).then().statusCode(200)
                .contentType(startsWith("application/zip")).extract().asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertEquals(List.of("task-" + first + ".xlf", "task-" + second + ".xlf"), new ArrayList<>(files.keySet()));
        Map<String, byte[]> translated = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            translated.put(entry.getKey(), serialize(translateTargets(parse(entry.getValue()), NS12, t -> "ZIP " + t, null)));
        }
        // One bad file refuses the whole zip, naming it; nothing is saved.
        Map<String, byte[]> withBad = new java.util.LinkedHashMap<>(translated);
        withBad.put("broken.xlf", "<xliff".getBytes(StandardCharsets.UTF_8));
        desk.as(translator).contentType("application/zip").body(zip(withBad)).put("/api/tasks/xliff").then()
                .statusCode(400).body("detail", startsWith("broken.xlf: "));
        desk.as(translator).get("/api/tasks/" + first).then().body("draft", equalTo(null));

        desk.as(translator).contentType("application/zip").body(zip(translated)).put("/api/tasks/xliff").then()
                .statusCode(200).body("taskId", equalTo(List.of(first, second))).body("translated", equalTo(List.of(8, 8)));
        desk.as(translator).get("/api/tasks/" + second).then()
                .body("draft.title", equalTo("ZIP Київ & Харків: <ціни> ростуть"));
        desk.as(translator).get("/api/tasks/xliff?ids=" + first + ",nonsense").then().statusCode(400);
        desk.as(translator).get("/api/tasks/xliff").then().statusCode(422);
    }

    private void assertRefused(String path, byte[] file, int status, String reason) {
        String answer = desk.as(translator).contentType(XLIFF).body(file).put(path).then().statusCode(status)
                .contentType(startsWith("application/problem+json")).extract().asString();
        assertTrue(answer.contains(reason), "expected «" + reason + "» in " + answer);
    }

    /** A story in uk with links, emphasis, a line break, emoji, '<', '&' and RTL marks; a task into the test's language, claimed. */
    private String claimedTask(Desk.Person holder) {
        Map<String, Object> story = Stories.story("uk", "Київ & Харків: <ціни> ростуть");
        story.put("summary", "Перше речення. Друге речення.");
        story.put("body", "<p>Мер Києва &amp; громада відкрили <a href=\"https://example.org/a?b=1&amp;c=2\">новий міст</a>."
                + " Це <em>важливо</em>!<br>Ціни 📈 зросли на 5&lt;10 % \u200Fמרקר\u200F.</p>"
                + "<ul><li>Пункт <strong>перший</strong></li><li>Пункт другий</li></ul>");
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        String taskId = desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(holder).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        return taskId;
    }

    /** What a translator does in a CAT tool: every text inside every target changed, the codes kept in place. */
    private static Document translateTargets(Document file, String namespace, UnaryOperator<String> translate,
                                             String leaveUntranslated) {
        NodeList targets = file.getElementsByTagNameNS(namespace, "target");
        for (int i = 0; i < targets.getLength(); i++) {
            Element target = (Element) targets.item(i);
            Element unit = (Element) (namespace.equals(NS12) ? target.getParentNode() : target.getParentNode().getParentNode());
            if (unit.getAttribute("id").equals(leaveUntranslated)) {
                continue;
            }
            translateTexts(target, translate);
        }
        return file;
    }

    private static void translateTexts(Node node, UnaryOperator<String> translate) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                child.setNodeValue(translate.apply(child.getNodeValue()));
            } else {
                translateTexts(child, translate);
            }
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Re-serialized with other bytes (indented, other quoting), as a CAT tool writes its own file. */
    private static byte[] serialize(Document document) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
