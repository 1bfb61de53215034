package newsdesk.memory;

import io.restassured.response.Response;
import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translation memory on the real server: an approved translation's sentences are remembered once;
 * a similar story's task shows exact and fuzzy matches, best first, and its XLIFF export is seeded from
 * them; TMX goes out and comes back; broken and hostile TMX files are refused; only editors change it.
 */
@ExtendWith(NewsdeskServer.class)
class MemoryIT {

    private static final String TMX = "application/x-tmx+xml";
    private static final String XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static final String NEWSDESK = "urn:newsdesk:xliff";

    private final Desk desk;
    private final Desk.Person editor;
    private final String language;
    private final Desk.Person translator;
    private final Desk.Person reviewer;

    MemoryIT(Desk desk) {
        this.desk = desk;
        this.editor = desk.newEditor();
        this.language = desk.newLanguage();
        this.translator = desk.newTranslator(language);
        this.reviewer = desk.newPerson(List.of("REVIEWER"), language);
    }

    @Test
    void anApprovedTranslationFeedsMatchesForASimilarStory() throws Exception {
        String first = approve(Stories.text("Київ готується до зими",
                        "<p>Енергетики відновили живлення у трьох районах столиці. Енергетики відновили живлення у двох районах області."
                                + " Укриття працюють цілодобово.</p>"),
                Stories.text("Kyiv prepares for winter",
                        "<p>Power engineers restored electricity in three districts of the capital. Power engineers"
                                + " restored electricity in two districts of the region. Shelters are open around the clock.</p>"));
        String pair = "uk-" + language;
        desk.as(translator).queryParam("pair", pair).queryParam("q", "до зими").get("/api/memory").then()
                .statusCode(200).body("items.size()", equalTo(2)) // the title and "Summary of" it
                .body("items.find { it.source == 'Київ готується до зими' }.target", equalTo("Kyiv prepares for winter"))
                .body("items.find { it.source == 'Київ готується до зими' }.articleId", equalTo(first))
                .body("items.find { it.source == 'Київ готується до зими' }.approver", equalTo(reviewer.username()))
                .body("items[0].sourceLanguage", equalTo("uk")).body("items[0].targetLanguage", equalTo(language));
        // The search looks in the translations too (case-insensitive): only the sentence whose target has it.
        desk.as(translator).queryParam("pair", pair).queryParam("q", "OPEN AROUND").get("/api/memory").then()
                .statusCode(200).body("items.source", equalTo(List.of("Укриття працюють цілодобово.")));

        // The same text approved again in another story adds no second pair.
        approve(Stories.text("Київ готується до зими", "<p>Укриття працюють цілодобово.</p>"),
                Stories.text("Kyiv prepares for winter", "<p>Shelters are open around the clock.</p>"));
        desk.as(translator).queryParam("pair", pair).get("/api/memory").then().statusCode(200)
                .body("items.findAll { it.source == 'Київ готується до зими' }.size()", equalTo(1))
                .body("items.findAll { it.source == 'Укриття працюють цілодобово.' }.size()", equalTo(1));

        Map<String, Object> similar = Stories.story("uk", "Київ готується до весни");
        similar.put("summary", "Summary of Київ готується до зими");
        similar.put("body", "<p>Енергетики відновили живлення у двох районах столиці. Погода буде теплою.</p>");
        String articleId = desk.as(editor).body(similar).post("/api/articles").then().statusCode(201).extract().path("id");
        String taskId = desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(translator).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);

        Response task = desk.as(translator).get("/api/tasks/" + taskId);
        task.then().statusCode(200)
                .body("matches.find { it.segment == 'summary-1' }.matches[0].score", equalTo(100))
                .body("matches.find { it.segment == 'summary-1' }.matches[0].target", equalTo("Summary of Kyiv prepares for winter"))
                .body("matches.find { it.segment == 'title-1' }.matches[0].target", equalTo("Kyiv prepares for winter"))
                .body("matches.find { it.segment == 'title-1' }.matches[0].origin.articleId", equalTo(first))
                .body("matches.find { it.segment == 'title-1' }.matches[0].origin.approver", equalTo(reviewer.username()))
                .body("matches.find { it.segment == 'body-1' }.matches[0].target",
                        equalTo("Power engineers restored electricity in three districts of the capital."))
                .body("matches.find { it.segment == 'body-2' }", equalTo(null));
        int title = task.path("matches.find { it.segment == 'title-1' }.matches[0].score");
        assertTrue(title >= 70 && title < 100, "a one-word change scores between the minimum and 100: " + title);
        List<Integer> body = task.path("matches.find { it.segment == 'body-1' }.matches.score");
        assertEquals(2, body.size(), "both stored sentences about restored power match: " + body);
        assertTrue(body.get(0) > body.get(1) && body.get(0) < 100 && body.get(1) >= 70, "best first: " + body);

        // The XLIFF export seeds targets from the memory, marked with origin and score.
        Document xliff = parse(desk.as(translator).get("/api/tasks/" + taskId + "/xliff").then().statusCode(200)
                .extract().asByteArray());
        Element titleUnit = unit(xliff, "title-1");
        assertEquals("Kyiv prepares for winter", target(titleUnit).getTextContent());
        assertEquals("memory", titleUnit.getAttributeNS(NEWSDESK, "origin"));
        assertEquals(String.valueOf(title), titleUnit.getAttributeNS(NEWSDESK, "score"));
        assertEquals("fuzzy-match", target(titleUnit).getAttribute("state-qualifier"));
        assertEquals("exact-match", target(unit(xliff, "summary-1")).getAttribute("state-qualifier"));
        assertEquals("source", unit(xliff, "body-2").getAttributeNS(NEWSDESK, "origin"));
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Element unit(Document file, String id) {
        NodeList units = file.getElementsByTagNameNS(XLIFF12, "trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            if (((Element) units.item(i)).getAttribute("id").equals(id)) {
                return (Element) units.item(i);
            }
        }
        throw new AssertionError("no trans-unit " + id);
    }

    private static Element target(Element unit) {
        return (Element) unit.getElementsByTagNameNS(XLIFF12, "target").item(0);
    }

    @Test
    void aSentenceWithALinkIsSeededFromTheMemoryWithItsCodesAndTheyTravelInTmx() throws Exception {
        approve(Stories.text("Запоріжжя без світла", "<p>Про відключення повідомило <a href=\"https://example.org/uk\">"
                        + "обленерго</a> о <em>восьмій</em> ранку.</p>"),
                Stories.text("Zaporizhzhia without power", "<p>At <em>eight</em> in the morning, the <a href=\"https://"
                        + "example.org/en\">regional power company</a> reported the outage.</p>"));
        String tmx = desk.as(editor).queryParam("pair", "uk-" + language).get("/api/memory/tmx").then().statusCode(200)
                .extract().asString();
        assertTrue(tmx.contains("<seg>Про відключення повідомило <bpt i=\"1\">&lt;a href=\"https://example.org/uk\"")
                && tmx.contains("обленерго<ept i=\"1\">&lt;/a&gt;</ept> о <bpt i=\"2\">&lt;em&gt;</bpt>восьмій"), tmx);
        assertTrue(tmx.contains("<seg>At <bpt i=\"2\">&lt;em&gt;</bpt>eight<ept i=\"2\">&lt;/em&gt;</ept> in the morning,"
                + " the <bpt i=\"1\">&lt;a href=\"https://example.org/en\""), tmx);

        // The same sentence in a new story, its link elsewhere; beside it the same words with the link moved.
        String sentence = "Про відключення повідомило <a href=\"https://example.org/later\">обленерго</a> о <em>восьмій</em> ранку.";
        String taskId = task(language, translator, sentence + " Про відключення повідомило обленерго о <a href=\"https://example"
                + ".org/later\">восьмій</a> ранку.");
        byte[] export = desk.as(translator).get("/api/tasks/" + taskId + "/xliff").then().statusCode(200).extract().asByteArray();
        Document xliff = parse(export);
        Element seeded = unit(xliff, "body-1");
        assertEquals("memory", seeded.getAttributeNS(NEWSDESK, "origin"));
        assertEquals("100", seeded.getAttributeNS(NEWSDESK, "score"));
        NodeList codes = target(seeded).getElementsByTagNameNS(XLIFF12, "g");
        assertEquals(2, codes.getLength());
        assertEquals("italic", ((Element) codes.item(0)).getAttribute("ctype"));
        assertEquals("eight", codes.item(0).getTextContent());
        assertEquals("link", ((Element) codes.item(1)).getAttribute("ctype"));
        assertEquals("regional power company", codes.item(1).getTextContent());
        assertEquals("source", unit(xliff, "body-2").getAttributeNS(NEWSDESK, "origin"), "another code structure: no seed");
        // Back in, the link is the new story's own.
        String body = desk.as(translator).contentType("application/xliff+xml").body(export).put("/api/tasks/" + taskId + "/xliff")
                .then().statusCode(200).extract().path("task.draft.body");
        assertTrue(body.contains("At <em>eight</em> in the morning, the <a href=\"https://example.org/later\"")
                && body.contains(">regional power company</a> reported the outage."), body);

        // Through TMX into another language: the codes come along and seed there too.
        String other = desk.newLanguage();
        desk.as(editor).contentType(TMX).body(tmx.replace("xml:lang=\"" + language + "\"", "xml:lang=\"" + other + "\"")
                .getBytes(StandardCharsets.UTF_8)).put("/api/memory/tmx").then().statusCode(200).body("added", equalTo(3));
        String again = desk.as(editor).queryParam("pair", "uk-" + other).get("/api/memory/tmx").asString();
        assertTrue(again.contains("the <bpt i=\"1\">&lt;a href=\"https://example.org/en\""), again);
        Desk.Person otherTranslator = desk.newTranslator(other);
        String otherTask = task(other, otherTranslator, sentence);
        Element imported = unit(parse(desk.as(otherTranslator).get("/api/tasks/" + otherTask + "/xliff").then()
                .statusCode(200).extract().asByteArray()), "body-1");
        assertEquals("memory", imported.getAttributeNS(NEWSDESK, "origin"));
        assertEquals(2, target(imported).getElementsByTagNameNS(XLIFF12, "g").getLength());
    }

    /** A claimed task into {@code into} of a new uk story with this body paragraph; returns the task id. */
    private String task(String into, Desk.Person by, String paragraph) {
        Map<String, Object> story = Stories.story("uk", "Новини енергетики");
        story.put("body", "<p>" + paragraph + "</p>");
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        String taskId = desk.as(editor).body(Map.of("languages", List.of(into)))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(by).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        return taskId;
    }

    @Test
    void tmxGoesOutAndComesBack() {
        approve(Stories.text("Харків знову під обстрілом", "<p>Рятувальники працюють на місці влучання.</p>"),
                Stories.text("Kharkiv under shelling again", "<p>Rescuers are working at the site of the strike.</p>"));
        Response export = desk.as(editor).queryParam("pair", "uk-" + language).get("/api/memory/tmx");
        export.then().statusCode(200).contentType(startsWith(TMX))
                .body(containsString("<tmx version=\"1.4\">")).body(containsString("srclang=\"uk\""));
        String tmx = export.asString();
        assertTrue(tmx.contains("<seg>Kharkiv under shelling again</seg>"), tmx);

        // Into another target language: the same pairs arrive there, with their approver and time.
        String other = desk.newLanguage();
        String moved = tmx.replace("xml:lang=\"" + language + "\"", "xml:lang=\"" + other + "\"");
        desk.as(editor).contentType(TMX).body(moved.getBytes(StandardCharsets.UTF_8)).put("/api/memory/tmx").then()
                .statusCode(200).body("units", equalTo(3)).body("added", equalTo(3)).body("duplicates", equalTo(0));
        desk.as(editor).contentType("application/xml").body(moved.getBytes(StandardCharsets.UTF_8)).put("/api/memory/tmx")
                .then().statusCode(200).body("added", equalTo(0)).body("duplicates", equalTo(3));
        Response listed = desk.as(editor).queryParam("pair", "uk-" + other).get("/api/memory");
        listed.then().statusCode(200).body("items.size()", equalTo(3))
                .body("items.target", hasItem("Rescuers are working at the site of the strike."))
                .body("items.approver", hasItem(reviewer.username()));
        String again = desk.as(editor).queryParam("pair", "uk-" + other).get("/api/memory/tmx").asString();
        assertEquals(3, again.split("<tu ").length - 1);
    }

    @Test
    void anOmegaTProjectMemoryIsImported() {
        String omegat = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE tmx SYSTEM "tmx14.dtd">
                <tmx version="1.4">
                  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_0_" segtype="sentence" srclang="UK"/>
                  <body>
                <!-- Default translations -->
                    <tu>
                      <tuv xml:lang="UK">
                        <seg>Одеса прийняла перше зернове судно цього тижня.</seg>
                      </tuv>
                      <tuv xml:lang="EN-GB" changeid="olena" changedate="20261120T091500Z" creationid="olena" creationdate="20261120T091500Z">
                        <seg>Odesa received the first grain ship this week.</seg>
                      </tuv>
                    </tu>
                    <tu>
                      <tuv xml:lang="UK">
                        <seg>Мер <bpt i="1" x="1">&lt;f0&gt;</bpt>Миколаєва<ept i="1">&lt;/f0&gt;</ept> подякував рятувальникам.</seg>
                      </tuv>
                      <tuv xml:lang="EN-GB" changeid="olena" changedate="20261120T091600Z" creationid="olena" creationdate="20261120T091600Z">
                        <seg>The mayor of <bpt i="1" x="1">&lt;f0&gt;</bpt>Mykolaiv<ept i="1">&lt;/f0&gt;</ept> thanked the rescuers.</seg>
                      </tuv>
                    </tu>
                    <!-- a language no site has (not even one another test adds): skipped -->
                    <tu>
                      <tuv xml:lang="UK">
                        <seg>Погода в Карпатах погіршилася.</seg>
                      </tuv>
                      <tuv xml:lang="TLH">
                        <seg>Das Wetter in den Karpaten hat sich verschlechtert.</seg>
                      </tuv>
                    </tu>
                  </body>
                </tmx>
                """;
        desk.as(editor).contentType("application/xml").body(omegat.getBytes(StandardCharsets.UTF_8)).put("/api/memory/tmx")
                .then().statusCode(200).body("units", equalTo(3)).body("pairs", equalTo(2)).body("skipped", equalTo(1));
        desk.as(translator).queryParam("pair", "uk-en").queryParam("q", "Миколаєва").get("/api/memory").then()
                .statusCode(200).body("items[0].source", equalTo("Мер Миколаєва подякував рятувальникам."))
                .body("items[0].target", equalTo("The mayor of Mykolaiv thanked the rescuers."))
                .body("items[0].articleId", equalTo(null));
    }

    @Test
    void brokenAndHostileTmxIsRefusedAndOnlyEditorsChangeTheMemory() {
        put("not xml at all").then().statusCode(400).contentType(startsWith("application/problem+json"));
        put("<xliff version=\"1.2\"/>").then().statusCode(400).body("detail", containsString("<tmx>"));
        put("""
                <tmx version="1.4"><header srclang="uk" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
                <body><tu><tuv xml:lang="uk"><seg>Добре.</seg></tuv><tuv xml:lang="en"><seg>Good.</seg></tuv></tu>
                <tu tuid="broken"><tuv><seg>Без мови.</seg></tuv></tu></body></tmx>""")
                .then().statusCode(422).body("errors[0].field", equalTo("tu 2 (tuid broken)"));
        put("""
                <?xml version="1.0"?>
                <!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <tmx version="1.4"><header srclang="uk"/><body><tu><tuv xml:lang="uk"><seg>&lol2;</seg></tuv></tu></body></tmx>""")
                .then().statusCode(400).body("detail", containsString("DOCTYPE"));
        put("""
                <?xml version="1.0"?>
                <!DOCTYPE tmx SYSTEM "file:///etc/passwd">
                <tmx version="1.4"><header srclang="uk"/><body><tu><tuv xml:lang="uk"><seg>&xxe;</seg></tuv></tu></body></tmx>""")
                .then().statusCode(400).body("detail", containsString("xxe"));
        // Over the 1 MiB of other requests: a TMX import has its own limit (newsdesk.memory.tmx.max.bytes).
        put("<tmx version=\"1.4\"><header srclang=\"uk\"/><body>" + "<!-- padding -->".repeat(80_000) + "</body></tmx>")
                .then().statusCode(200).body("units", equalTo(0));
        desk.as(editor).contentType("text/plain").body("<tmx/>").put("/api/memory/tmx").then().statusCode(415);
        desk.as(translator).contentType(TMX).body("<tmx/>").put("/api/memory/tmx").then().statusCode(403);
        desk.as(editor).queryParam("pair", "uk-nowhere").get("/api/memory").then().statusCode(422)
                .body("errors[0].field", equalTo("pair"));

        approve(Stories.text("Львів зустрів біженців", "<p>Волонтери відкрили пункт обігріву.</p>"),
                Stories.text("Lviv welcomed refugees", "<p>Volunteers opened a warming point.</p>"));
        String id = desk.as(reviewer).queryParam("pair", "uk-" + language).queryParam("q", "Львів").get("/api/memory")
                .then().statusCode(200).body("items.size()", equalTo(2)) // the title and "Summary of" it
                .extract().path("items.find { it.source == 'Львів зустрів біженців' }.id");
        desk.as(translator).delete("/api/memory/" + id).then().statusCode(403);
        desk.as(translator).queryParam("pair", "uk-" + language).get("/api/memory/tmx").then().statusCode(403);
        // A pair that is not two site languages is refused before any of the file is written.
        desk.as(editor).queryParam("pair", "uk-uk").get("/api/memory/tmx").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("pair"));
        desk.as(editor).get("/api/memory/tmx").then().statusCode(422).contentType("application/problem+json");
        desk.anonymous().queryParam("pair", "uk-" + language).get("/api/memory").then().statusCode(401);
        desk.as(editor).delete("/api/memory/" + id).then().statusCode(204);
        desk.as(editor).delete("/api/memory/" + id).then().statusCode(404);
        desk.as(editor).queryParam("pair", "uk-" + language).queryParam("q", "Львів").get("/api/memory").then()
                .statusCode(200).body("items.source", equalTo(List.of("Summary of Львів зустрів біженців")));
    }

    @Test
    void aMemoryOfManyMegabytesStreamsInAndOneOverTheLimitIsRefusedAtOnce() throws Exception {
        String other = desk.newLanguage();
        StringBuilder tmx = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header srclang="uk" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"
                 creationtool="x" creationtoolversion="1"/><body>
                """);
        int units = 20_000;
        for (int i = 1; i <= units; i++) {
            String unit = "<tu><tuv xml:lang=\"uk\"><seg>Речення номер " + i + " про енергетику, відключення світла і ремонт"
                    + " мереж у громадах області.</seg></tuv><tuv xml:lang=\"" + other + "\"><seg>Sentence number " + i
                    + " about energy, power cuts and grid repairs in the region's communities.</seg></tuv></tu>\n";
            tmx.append(unit);
            if (i == 5) {
                tmx.append(unit); // the same pair twice in one batch
            }
        }
        tmx.append("<tu><tuv xml:lang=\"uk\"><seg>Речення номер 7 про енергетику, відключення світла і ремонт мереж у громадах"
                + " області.</seg></tuv><tuv xml:lang=\"" + other + "\"><seg>Sentence number 7 about energy, power cuts and"
                + " grid repairs in the region's communities.</seg></tuv></tu>\n</body></tmx>\n"); // and in another batch
        byte[] file = tmx.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 5_000_000, "several MB: " + file.length);
        long start = System.nanoTime();
        desk.as(editor).contentType(TMX).body(file).put("/api/memory/tmx").then().statusCode(200)
                .body("units", equalTo(units + 2)).body("pairs", equalTo(units + 2)).body("added", equalTo(units))
                .body("duplicates", equalTo(2)).body("skipped", equalTo(0));
        System.out.printf("TMX import of %d bytes, %d units: %d ms%n", file.length, units + 2,
                (System.nanoTime() - start) / 1_000_000);
        desk.as(editor).queryParam("pair", "uk-" + other).queryParam("q", "number 19999 about").get("/api/memory").then()
                .statusCode(200).body("items.source", equalTo(List.of("Речення номер 19999 про енергетику, відключення"
                        + " світла і ремонт мереж у громадах області.")));

        // The whole memory goes out again, streamed as it is read (chunked: no length known before the end).
        io.restassured.response.Response export = desk.as(editor).queryParam("pair", "uk-" + other)
                .get("/api/memory/tmx");
        export.then().statusCode(200).header("Transfer-Encoding", "chunked").header("Content-Length", nullValue());
        String exported = export.asString();
        assertEquals(units, exported.split("<tu ", -1).length - 1, "one unit per stored pair");
        assertTrue(exported.contains("<seg>Sentence number 19999 about energy") && exported.strip().endsWith("</tmx>"),
                exported.substring(Math.max(0, exported.length() - 500)));

        // A body that says it is over the TMX limit (256 MiB by default) is refused before it is sent.
        try (java.net.Socket socket = new java.net.Socket(desk.baseUri().getHost(), desk.baseUri().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("PUT /api/memory/tmx HTTP/1.1\r\nHost: " + desk.baseUri().getHost()
                    + "\r\nAuthorization: Bearer " + editor.token() + "\r\nContent-Type: " + TMX
                    + "\r\nContent-Length: " + (300L << 20) + "\r\nConnection: close\r\n\r\n<tmx version=\"1.4\">")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // The answer comes at once; the server may hold the connection open after it, so read the
            // answer by its Content-Length rather than until the connection closes.
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("application/problem+json")
                    && answer.contains("larger than 268435456 bytes"), answer);
        }
    }

    private static String readAnswer(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (true) {
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
            if (end >= 0 && length.find() && received.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                return text;
            }
            int n = in.read(chunk);
            if (n < 0) {
                return text;
            }
            received.write(chunk, 0, n);
        }
    }

    private Response put(String tmx) {
        return desk.as(editor).contentType(TMX).body(tmx.getBytes(StandardCharsets.UTF_8)).put("/api/memory/tmx");
    }

    /** A uk story translated into the test's language and approved by the reviewer; returns the article id. */
    private String approve(Map<String, Object> source, Map<String, Object> translation) {
        Map<String, Object> story = new HashMap<>(Stories.story("uk", (String) source.get("title")));
        story.putAll(source);
        String articleId = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        String taskId = desk.as(editor).body(Map.of("languages", List.of(language)))
                .post("/api/articles/" + articleId + "/translations").then().statusCode(201).extract().path("[0].id");
        desk.as(translator).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        desk.as(translator).body(translation).post("/api/tasks/" + taskId + "/submit").then().statusCode(200);
        desk.as(reviewer).body(Map.of()).post("/api/tasks/" + taskId + "/approve").then().statusCode(200);
        return articleId;
    }
}
