package newsdesk.machine;

import newsdesk.desk.MachineSuggestion.Status;
import newsdesk.xliff.Part;
import newsdesk.xliff.Segment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engines as the pre-fill runs them, in this JVM: the real Apertium (Debian's apertium-rus-ukr, which
 * .ci/run installs), Apertium with faults on demand (a hang, an abort, binary garbage, silence), and a
 * LibreTranslate stand-in. Every failure is a result, never an exception; nothing is left running.
 */
class MachineEnginesIT {

    private static final String FAULTY = "sh "
            + Path.of("src/test/resources/machine/apertium-with-faults.sh").toAbsolutePath();

    /** Processes this JVM had started before the test (the suite's shared server, for one). */
    private Set<Long> earlier;

    @BeforeEach
    void noteEarlierProcesses() {
        earlier = descendants();
    }

    private boolean noEngineProcessLeft() {
        Set<Long> now = descendants();
        now.removeAll(earlier);
        return now.isEmpty();
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @Test
    void apertiumTranslatesRussianNewsIntoUkrainian() {
        ApertiumEngine apertium = new ApertiumEngine("apertium");
        List<String> sentences = List.of("Мэр Киева", "Цены выросли на пять процентов.", "Привет.",
                "Правительство утвердило новый бюджет на следующий год.", "В городе прошёл сильный дождь.",
                "Мэр Киева открыл новый мост.", "Завтра в Одессе ожидается солнечная погода.",
                "Президент встретился с журналистами в Харькове.", "Школы откроются в сентябре.",
                "Сегодня в Киеве открыли новый мост через Днепр.");
        List<Long> okMillis = new ArrayList<>();
        for (String sentence : sentences) {
            EngineResult result = apertium.translate(sentence, "ru", "uk", Duration.ofSeconds(30));
            // Half of these crash Debian's tagger; the second run without it translates them.
            assertEquals(Status.OK, result.status(), sentence + ": " + result.detail());
            okMillis.add(result.millis());
            System.out.printf("apertium rus-ukr %5d ms %-7s %s -> %s%n", result.millis(), result.status(), sentence,
                    result.text() == null ? result.detail() : result.text());
        }
        assertEquals("Мер Києва", apertium.translate("Мэр Киева", "ru", "uk", Duration.ofSeconds(30)).text());
        assertTrue(apertium.translate("Цены выросли на пять процентов.", "ru", "uk", Duration.ofSeconds(30)).text()
                .startsWith("Ціни виросли"));
        // Two that the tagger crashes on, translated by the run without it.
        assertEquals("Привіт.", apertium.translate("Привет.", "ru", "uk", Duration.ofSeconds(30)).text());
        assertEquals("У городі пройшов сильний дощ.",
                apertium.translate("В городе прошёл сильный дождь.", "ru", "uk", Duration.ofSeconds(30)).text());
        List<Long> sorted = okMillis.stream().sorted().toList();
        System.out.printf("apertium rus-ukr per segment: %d ok; median %d ms, max %d ms%n", sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertTrue(noEngineProcessLeft(), "no engine process left");
    }

    @Test
    void apertiumTranslatesUkrainianNewsIntoRussian() {
        ApertiumEngine apertium = new ApertiumEngine("apertium");
        for (String sentence : List.of("Мер Києва відкрив новий міст.", "Ціни зросли на п'ять відсотків.",
                "Привіт.", "Уряд затвердив новий бюджет на наступний рік.")) {
            EngineResult result = apertium.translate(sentence, "uk", "ru", Duration.ofSeconds(30));
            assertEquals(Status.OK, result.status(), sentence + ": " + result.detail());
            assertTrue(!result.text().isBlank() && !result.text().equals(sentence), sentence + ": " + result);
            System.out.printf("apertium ukr-rus %5d ms %-7s %s -> %s%n", result.millis(), result.status(), sentence,
                    result.text() == null ? result.detail() : result.text());
        }
        assertTrue(noEngineProcessLeft(), "no engine process left");
    }

    @Test
    void apertiumKeepsALinkAndAnEmphasisInPlaceBothWays() {
        ApertiumEngine apertium = new ApertiumEngine("apertium");
        Map<Integer, Segment.Code> codes = Map.of(1, new Segment.Code("a", "<a href=\"https://example.org/kyiv\">", true),
                2, new Segment.Code("em", "<em>", true));
        Segment ukrainian = new Segment("body-1", "body", List.of(new Part.Text("Мер "),
                new Part.Paired(1, List.of(new Part.Text("Києва"))), new Part.Text(" відкрив "),
                new Part.Paired(2, List.of(new Part.Text("новий"))), new Part.Text(" міст.")), codes);
        Segment russian = new Segment("body-1", "body", List.of(new Part.Text("Завтра в "),
                new Part.Paired(1, List.of(new Part.Text("Одессе"))), new Part.Text(" ожидается "),
                new Part.Paired(2, List.of(new Part.Text("солнечная"))), new Part.Text(" погода.")), codes);
        int mapped = 0;
        for (var sample : List.of(Map.entry(ukrainian, "uk-ru"), Map.entry(russian, "ru-uk"))) {
            String[] pair = sample.getValue().split("-");
            EngineResult result = apertium.translateMarkup(MarkupCodes.markup(sample.getKey()), pair[0], pair[1],
                    Duration.ofSeconds(30));
            System.out.printf("apertium -f html %s %5d ms %-7s %s -> %s%n", sample.getValue(), result.millis(),
                    result.status(), MarkupCodes.markup(sample.getKey()), result.text() == null ? result.detail() : result.text());
            assertEquals(Status.OK, result.status(), result.detail());
            List<Part> content = MarkupCodes.parse(result.text(), codes).orElseThrow(() ->
                    new AssertionError("codes lost: " + result.text()));
            mapped++;
            assertEquals(2, content.stream().filter(part -> part instanceof Part.Paired).count(), content.toString());
            if (pair[1].equals("ru")) {
                assertEquals(new Part.Paired(1, List.of(new Part.Text("Киева"))), content.get(1));
                assertTrue(Segment.plain(content).startsWith("Мэр Киева открыл"), content.toString());
            } else {
                assertEquals(new Part.Paired(1, List.of(new Part.Text("Одессе"))), content.get(1));
                assertEquals(new Part.Paired(2, List.of(new Part.Text("сонячна"))), content.get(3));
                assertTrue(Segment.plain(content).contains("очікується"), content.toString());
            }
        }
        assertEquals(2, mapped, "both directions translated with their codes");
        // A sentence the tagger crashes on keeps its codes through the run without it.
        Segment crashing = new Segment("body-2", "body", List.of(new Part.Text("Мэр "),
                new Part.Paired(1, List.of(new Part.Text("Киева"))), new Part.Text(" открыл "),
                new Part.Paired(2, List.of(new Part.Text("новый"))), new Part.Text(" мост.")), codes);
        EngineResult retried = apertium.translateMarkup(MarkupCodes.markup(crashing), "ru", "uk", Duration.ofSeconds(30));
        assertEquals(Status.OK, retried.status(), retried.detail());
        List<Part> content = MarkupCodes.parse(retried.text(), codes).orElseThrow(() ->
                new AssertionError("codes lost: " + retried.text()));
        assertEquals(new Part.Paired(1, List.of(new Part.Text("Києва"))), content.get(1));
        assertEquals(new Part.Paired(2, List.of(new Part.Text("новий"))), content.get(3));
        assertTrue(noEngineProcessLeft(), "no engine process left");
    }

    @Test
    void aHangingEngineIsStoppedWithItsChildrenAndNothingLeaks() throws Exception {
        ApertiumEngine faulty = new ApertiumEngine(FAULTY);
        faulty.translate("Привет.", "ru", "uk", Duration.ofSeconds(30)); // warm up the JVM's process machinery
        int threads = Thread.activeCount();
        long start = System.nanoTime();
        EngineResult result = faulty.translate("HANG здесь.", "ru", "uk", Duration.ofMillis(800));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Status.TIMEOUT, result.status());
        assertNull(result.text());
        assertTrue(millis < 6000, "stopped soon after its time, took " + millis + " ms");
        assertTrue(noEngineProcessLeft(), "the script was reaped");
        Optional<ProcessHandle> sleeper = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("31.7")).findAny();
        assertTrue(sleeper.isEmpty(), "the script's child was killed too: " + sleeper.map(p -> p.info().toString()));
        assertTrue(Thread.activeCount() <= threads, "no thread left behind");
    }

    @Test
    void aCrashGarbageOrSilenceIsAFailureWithTheReason() {
        ApertiumEngine faulty = new ApertiumEngine(FAULTY);
        EngineResult crash = faulty.translate("CRASH сегодня.", "ru", "uk", Duration.ofSeconds(10));
        assertEquals(Status.FAILED, crash.status());
        assertTrue(crash.detail().contains("exit code 134") && crash.detail().contains("std::bad_alloc"), crash.detail());
        EngineResult garbage = faulty.translate("GARBAGE там.", "ru", "uk", Duration.ofSeconds(10));
        assertEquals(Status.FAILED, garbage.status());
        assertTrue(garbage.detail().contains("not clean UTF-8"), garbage.detail());
        EngineResult silent = faulty.translate("SILENT.", "ru", "uk", Duration.ofSeconds(10));
        assertEquals(Status.FAILED, silent.status());
        assertTrue(silent.detail().contains("no text"), silent.detail());
        EngineResult missing = new ApertiumEngine("/nonexistent/apertium").translate("Привет.", "ru", "uk",
                Duration.ofSeconds(10));
        assertEquals(Status.FAILED, missing.status());
        assertTrue(missing.detail().startsWith("could not run"), missing.detail());
        assertTrue(noEngineProcessLeft(), "no engine process left");
    }

    @Test
    void libreTranslateIsAskedForPlainTextAndItsFailuresAreResults() {
        try (LibreTranslateStandIn server = LibreTranslateStandIn.start()) {
            LibreTranslateEngine engine = new LibreTranslateEngine(server.url() + "/", "secret-key");
            EngineResult ok = engine.translate("Мер Києва відкрив «новий» міст.", "uk", "en", Duration.ofSeconds(20));
            assertEquals(Status.OK, ok.status());
            assertEquals("EN(Мер Києва відкрив «новий» міст.)", ok.text());
            var request = server.requests().get(0);
            assertEquals("Мер Києва відкрив «новий» міст.", request.getString("q"));
            assertEquals("uk", request.getString("source"));
            assertEquals("en", request.getString("target"));
            assertEquals("text", request.getString("format"));
            assertEquals("secret-key", request.getString("api_key"));

            long start = System.nanoTime();
            EngineResult slow = engine.translate("SLOW", "uk", "en", Duration.ofMillis(500));
            assertEquals(Status.TIMEOUT, slow.status());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "the engine did not wait for the slow answer");
            EngineResult broken = engine.translate("BROKEN", "uk", "en", Duration.ofSeconds(20));
            assertEquals(Status.FAILED, broken.status());
            assertTrue(broken.detail().contains("HTTP 500") && broken.detail().contains("model crashed"), broken.detail());
            EngineResult nonsense = engine.translate("NONSENSE", "uk", "en", Duration.ofSeconds(20));
            assertEquals(Status.FAILED, nonsense.status());
            assertTrue(nonsense.detail().contains("not LibreTranslate's JSON"), nonsense.detail());
        }
        EngineResult down = new LibreTranslateEngine("http://127.0.0.1:9", "").translate("Привіт", "uk", "en",
                Duration.ofSeconds(5));
        assertEquals(Status.FAILED, down.status());
    }

    @Test
    void theSettingNamesAnEngineForEachPair() {
        var engines = MachineEngines.parse("uk-ru:apertium, ru-uk:Apertium,uk-en:libretranslate", "apertium",
                Optional.of("http://127.0.0.1:5000"), "");
        assertEquals("apertium", engines.get("ru-uk").name());
        assertEquals("libretranslate", engines.get("uk-en").name());
        assertEquals("rus-ukr", ApertiumEngine.mode("ru", "uk"));
        assertEquals("ukr-rus", ApertiumEngine.mode("uk", "ru"));
        assertTrue(MachineEngines.parse("", "apertium", Optional.empty(), "").isEmpty());
        for (String wrong : List.of("uk-en:deepl", "uk:apertium", "uk-en", "uk-en:libretranslate", "xx-uk:apertium")) {
            try {
                MachineEngines.parse(wrong, "apertium", Optional.empty(), "");
                throw new AssertionError(wrong + " was accepted");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("newsdesk.mt."), expected.getMessage());
            }
        }
    }
}
