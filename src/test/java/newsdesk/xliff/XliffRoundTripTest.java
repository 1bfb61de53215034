package newsdesk.xliff;

import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import newsdesk.platform.Invalid;
import newsdesk.platform.Malformed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segmenting and inline codes: a source cut into sentences with its markup as codes, written as XLIFF,
 * "translated" (every text changed, codes moved), read back and rebuilt keeps every code with its markup
 * and every character; the files validate (1.2: OASIS strict schema; 2.1: Okapi); hostile files are refused.
 */
class XliffRoundTripTest {

    static final String TITLE = "Київ & Харків: <ціни> ростуть";
    static final String SUMMARY = "Перше речення. Друге речення з \u200Fמרקר\u200F RTL.";
    static final String BODY = "<p>Мер Києва &amp; громада відкрили <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener\">"
            + "новий міст</a>. Це <em>важливо</em>!<br>Ціни 📈 зросли на 5&lt;10 %.</p>"
            + "<ul><li>Пункт <strong>перший</strong></li><li>Пункт другий</li></ul>"
            + "<h2>Підсумок</h2><p>Кінець <em>історії <strong>тут</strong></em>. <img src=\"https://example.org/i.png\" alt=\"x\"></p>";

    private static final XliffWriter.Header HEADER = new XliffWriter.Header("4b3c2a10-0000-4000-8000-000000000001",
            "4b3c2a10-0000-4000-8000-000000000002", 3, "uk", "en");

    @Test
    void cutsPerBlockAndSentenceWithCodesWhole() {
        List<Segment> segments = Segmentation.of("uk", TITLE, SUMMARY, BODY).segments();
        Map<String, String> plain = new LinkedHashMap<>();
        segments.forEach(s -> plain.put(s.id(), Segment.plain(s.content())));
        assertEquals(List.of("title-1", "summary-1", "summary-2", "body-1", "body-2", "body-3", "body-4", "body-5",
                "body-6", "body-7"), List.copyOf(plain.keySet()), plain.toString());
        assertEquals("Мер Києва & громада відкрили новий міст.", plain.get("body-1"));
        assertEquals("Ціни 📈 зросли на 5<10 %.", plain.get("body-3"));
        Segment link = segments.get(3);
        assertEquals("a", link.codes().get(1).tag());
        assertTrue(link.codes().get(1).markup().contains("https://example.org/a?b=1&amp;c=2"), link.codes().toString());
        Segment nested = segments.stream().filter(s -> s.id().equals("body-7")).findFirst().orElseThrow();
        assertEquals(List.of("em", "strong"), nested.codes().values().stream().map(Segment.Code::tag).toList(),
                "a sentence end after nested codes, and the image alone in its sentence stays in the skeleton");
    }

    @ParameterizedTest
    @EnumSource(XliffVersion.class)
    void aTranslatedFileRebuildsEveryCodeAndCharacter(XliffVersion version) {
        Segmentation cut = Segmentation.of("uk", TITLE, SUMMARY, BODY);
        Map<String, Seed> translated = new LinkedHashMap<>();
        for (Segment segment : cut.segments()) {
            translated.put(segment.id(), new Seed(Seed.Origin.DRAFT, null, translate(segment.content())));
        }
        byte[] file = XliffWriter.write(version, HEADER, cut.segments(), translated);

        XliffFile read = XliffReader.read(file);
        assertEquals(version, read.version());
        assertEquals(HEADER.taskId(), read.taskId());
        assertEquals("3", read.sourceRevision());
        Map<String, List<Part>> targets = new LinkedHashMap<>();
        for (XliffFile.Unit unit : read.units()) {
            Segment segment = cut.segments().stream().filter(s -> s.id().equals(unit.id())).findFirst().orElseThrow();
            assertEquals(segment.hash(), unit.hash());
            assertEquals(segment.hash(), Segment.hash(unit.source()), "the parsed source hashes like the server's");
            assertEquals(List.of(), InlineCodes.check(segment, unit.target()), unit.id());
            assertEquals(Segment.canonical(translated.get(unit.id()).content()), Segment.canonical(unit.target()));
            targets.put(unit.id(), unit.target());
        }
        Segmentation.Rebuilt rebuilt = Segmentation.of("uk", TITLE, SUMMARY, BODY).rebuild(targets);
        assertEquals("EN«Київ & Харків: <ціни> ростуть»", rebuilt.title());
        assertEquals("EN«Перше речення.» EN«Друге речення з \u200Fמרקר\u200F RTL.»", rebuilt.summary());
        assertEquals("<p>EN«Мер Києва &amp; громада відкрили »<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener\">"
                + "EN«новий міст»</a>EN«.» EN«Це »<em>EN«важливо»</em>EN«!»<br>EN«Ціни 📈 зросли на 5&lt;10 %.»</p>"
                + "<ul><li>EN«Пункт »<strong>EN«перший»</strong></li><li>EN«Пункт другий»</li></ul>"
                + "<h2>EN«Підсумок»</h2><p>EN«Кінець »<em>EN«історії »<strong>EN«тут»</strong></em>EN«.» "
                + "<img src=\"https://example.org/i.png\" alt=\"x\"></p>", rebuilt.body());
    }

    @Test
    void untouchedTargetsRebuildTheSourceExactly() {
        Segmentation.Rebuilt rebuilt = Segmentation.of("uk", TITLE, SUMMARY, BODY).rebuild(Map.of());
        assertEquals(TITLE, rebuilt.title());
        assertEquals(SUMMARY, rebuilt.summary());
        assertEquals(BODY, rebuilt.body());
    }

    @Test
    void codesMayMoveButNotGoMissingRepeatOrChangeKind() {
        Segment segment = Segmentation.of("uk", "T", "", "<p>Це <em>важливо</em> і <br>далі.</p>").segments().get(1);
        assertEquals(List.of(), InlineCodes.check(segment, List.of(new Part.Standalone(2), new Part.Text("Then "),
                new Part.Paired(1, List.of(new Part.Text("important"))))));
        assertEquals(List.of("code 1 (<em>) is missing from the target"),
                InlineCodes.check(segment, List.of(new Part.Text("important"), new Part.Standalone(2))));
        assertEquals(List.of("code 2 (<br>) appears 2 times in the target"), InlineCodes.check(segment, List.of(
                new Part.Paired(1, List.of()), new Part.Standalone(2), new Part.Standalone(2))));
        assertEquals(List.of("code 7 is not in the source segment"), InlineCodes.check(segment, List.of(
                new Part.Paired(1, List.of()), new Part.Standalone(2), new Part.Standalone(7))));
        assertEquals(List.of("code 1 (<em>) is a wrapping code in the source", "code 1 (<em>) is missing from the target"),
                InlineCodes.check(segment, List.of(new Part.Standalone(1), new Part.Standalone(2))));
    }

    @Test
    void xliff12ValidatesAgainstTheOasisStrictSchema() throws Exception {
        byte[] file = export(XliffVersion.V1_2);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) ->
                "http://www.w3.org/2001/xml.xsd".equals(systemId) ? input(systemId, "/xliff/xml.xsd") : null);
        var schema = factory.newSchema(new StreamSource[]{
                new StreamSource(getClass().getResourceAsStream("/xliff/xliff-core-1.2-strict.xsd")),
                new StreamSource(getClass().getResourceAsStream("/xliff/newsdesk-xliff.xsd"))});
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(file)));
        String broken = new String(file, StandardCharsets.UTF_8).replace("<source>", "<source><bogus/>");
        assertThrows(SAXException.class, () -> schema.newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))),
                "the validator does catch an invalid file");
    }

    @Test
    void xliff21ValidatesWithOkapi() {
        XLIFFReader.validate(new ByteArrayInputStream(export(XliffVersion.V2_1)), null);
        String broken = new String(export(XliffVersion.V2_1), StandardCharsets.UTF_8).replace("<source>", "<source><bogus/>");
        assertThrows(RuntimeException.class, () -> XLIFFReader.validate(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), null));
    }

    @Test
    void hostileAndBrokenFilesAreRefusedWithAReason() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file>&e;</file></xliff>";
        assertTrue(refused(xxe).contains("DTD"), refused(xxe));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>";
        assertTrue(refused(laughs).contains("DTD"), refused(laughs));
        String file = new String(export(XliffVersion.V1_2), StandardCharsets.UTF_8);
        assertTrue(refused(file.substring(0, file.length() / 2)).contains("not well-formed"));
        assertTrue(refused("<html/>").contains("not XLIFF"));
        assertTrue(refused("").contains("not well-formed") || refused("").contains("empty"), refused(""));
        assertTrue(refused(file.replace("&lt;", "&nbsp;")).contains("nbsp"), refused(file.replace("&lt;", "&nbsp;")));
        Invalid foreign = assertThrows(Invalid.class, () -> XliffReader.read(file.replaceFirst("<target([^>]*)>",
                "<target$1><bpt id=\"9\">x</bpt>").getBytes(StandardCharsets.UTF_8)));
        assertTrue(foreign.getMessage().startsWith("title-1: <bpt> is not a code Newsdesk wrote"), foreign.getMessage());
        assertFalse(XliffReader.read(file.getBytes(StandardCharsets.UTF_8)).units().isEmpty());
    }

    private static String refused(String xml) {
        return assertThrows(Malformed.class, () -> XliffReader.read(xml.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    private static byte[] export(XliffVersion version) {
        Segmentation cut = Segmentation.of("uk", TITLE, SUMMARY, BODY);
        Map<String, Seed> seeds = new LinkedHashMap<>();
        List<Segment> segments = cut.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            seeds.put(s.id(), i % 3 == 0 ? new Seed(Seed.Origin.SOURCE, null, s.content())
                    : i % 3 == 1 ? new Seed(Seed.Origin.DRAFT, null, translate(s.content()))
                    : new Seed(Seed.Origin.MEMORY, 87, translate(s.content())));
        }
        return XliffWriter.write(version, HEADER, segments, seeds);
    }

    /** A "translation" that changes every text and keeps every code: each text run wrapped in EN«…». */
    static List<Part> translate(List<Part> content) {
        List<Part> result = new ArrayList<>();
        for (Part part : content) {
            if (part instanceof Part.Text text) {
                result.add(new Part.Text("EN«" + text.text() + "»"));
            } else if (part instanceof Part.Paired paired) {
                result.add(new Part.Paired(paired.id(), translate(paired.content())));
            } else {
                result.add(part);
            }
        }
        return result;
    }

    private static LSInput input(String systemId, String resource) {
        InputStream stream = XliffRoundTripTest.class.getResourceAsStream(resource);
        return new LSInput() {
            public java.io.Reader getCharacterStream() { return null; }
            public void setCharacterStream(java.io.Reader r) { }
            public InputStream getByteStream() { return stream; }
            public void setByteStream(InputStream s) { }
            public String getStringData() { return null; }
            public void setStringData(String s) { }
            public String getSystemId() { return systemId; }
            public void setSystemId(String s) { }
            public String getPublicId() { return null; }
            public void setPublicId(String s) { }
            public String getBaseURI() { return null; }
            public void setBaseURI(String s) { }
            public String getEncoding() { return null; }
            public void setEncoding(String s) { }
            public boolean getCertifiedText() { return false; }
            public void setCertifiedText(boolean b) { }
        };
    }
}
