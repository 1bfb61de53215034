package newsdesk.glossary;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlossaryMatcherTest {

    private static final Term KYIV_EN = term("uk", "en", "Київ", List.of(), "Kyiv", List.of(), List.of("Kiev"));
    private static final Term KYIV_RU_UK = term("ru", "uk", "Киев", List.of("Киева", "Киеве", "Киеву", "Киевом"),
            "Київ", List.of(), List.of("Киев", "Киева", "Киеве", "Киеву", "Киевом"));
    private static final Term REGION = term("uk", "en", "Донецька область", List.of(), "Donetsk region",
            List.of("Donetsk oblast"), List.of("Donetsk province"));

    @Test
    void ukrainianInflectedFormsAreFoundThroughTheirLemmas() {
        List<GlossaryHit> hits = GlossaryMatcher.inSource(List.of(KYIV_EN), "uk",
                new GlossaryMatcher.Fields("Вибухи у Києві", "Зі столиці, з Києва, до КИЄВА", "<p>Київ</p>"));
        assertEquals(List.of("Києві", "Києва", "КИЄВА", "Київ"), hits.stream().map(GlossaryHit::found).toList());
        assertEquals(List.of(9, 14, 24, 3), hits.stream().map(GlossaryHit::offset).toList());
        assertTrue(hits.stream().allMatch(h -> h.preferred().equals("Kyiv")));
    }

    @Test
    void multiWordTermsMatchInflectedInUkrainian() {
        List<GlossaryHit> hits = GlossaryMatcher.inSource(List.of(REGION), "uk",
                new GlossaryMatcher.Fields("Обстріли в Донецькій області", "", ""));
        assertEquals(1, hits.size());
        assertEquals("Донецькій області", hits.get(0).found());
        assertEquals(11, hits.get(0).offset());
    }

    @Test
    void forbiddenFormsAreFoundWhateverTheCaseAndPossessive() {
        List<GlossaryHit> hits = GlossaryMatcher.check(List.of(KYIV_EN), "uk",
                new GlossaryMatcher.Fields("Вибухи у Києві", "", ""), "en",
                new GlossaryMatcher.Fields("Blasts in KIEV", "Kiev's mayor", "<p>Kievs</p>"));
        assertEquals(List.of("KIEV", "Kiev's", "Kievs"), hits.stream().map(GlossaryHit::found).toList());
        assertEquals(List.of(10, 0, 3), hits.stream().map(GlossaryHit::offset).toList());
        assertTrue(hits.stream().allMatch(h -> h.kind().equals("forbidden")));
    }

    @Test
    void positionsCountCodePointsAfterCyrillicAndEmoji() {
        List<GlossaryHit> hits = GlossaryMatcher.check(List.of(KYIV_EN), "uk",
                new GlossaryMatcher.Fields("", "", ""), "en",
                new GlossaryMatcher.Fields("🇺🇦 Ще 😀 in Kiev", "", "<p>Ж&amp;😀 <b>Kiev</b></p>"));
        // two regional indicators (the flag), a space, Ще, a space, one emoji, " in ": 11 code points, 14 chars
        assertEquals(11, hits.get(0).offset());
        assertEquals("title", hits.get(0).field());
        String body = "<p>Ж&amp;😀 <b>Kiev</b></p>";
        assertEquals(body.codePointCount(0, body.indexOf("Kiev")), hits.get(1).offset());
    }

    @Test
    void russianFormsInAUkrainianTranslationAreForbidden() {
        List<GlossaryHit> hits = GlossaryMatcher.check(List.of(KYIV_RU_UK), "ru",
                new GlossaryMatcher.Fields("Взрывы в Киеве", "", ""), "uk",
                new GlossaryMatcher.Fields("Вибухи в Киеве", "", ""));
        assertEquals(1, hits.size());
        assertEquals("Киеве", hits.get(0).found());
        assertEquals("Київ", hits.get(0).preferred());
        assertEquals(9, hits.get(0).offset());
    }

    @Test
    void aDroppedTermIsMissingAndAnyPreferredFormSatisfiesIt() {
        GlossaryMatcher.Fields source = new GlossaryMatcher.Fields("Вибухи у Києві", "", "<p>Мер Києва сказав</p>");
        List<GlossaryHit> missing = GlossaryMatcher.check(List.of(KYIV_EN), "uk", source, "en",
                new GlossaryMatcher.Fields("Blasts in the capital", "", "<p>Kyiv's mayor said</p>"));
        assertEquals(1, missing.size());
        assertEquals("missing", missing.get(0).kind());
        assertEquals("title", missing.get(0).field());
        assertEquals(9, missing.get(0).offset());
        assertTrue(GlossaryMatcher.check(List.of(KYIV_EN), "uk", source, "en",
                new GlossaryMatcher.Fields("Blasts in Kyiv", "", "<p>Kyiv's mayor said</p>")).isEmpty());
    }

    @Test
    void aNameMatchesOnlyCapitalizedWords() {
        Term sumy = term("uk", "en", "Суми", List.of(), "Sumy", List.of(), List.of());
        List<GlossaryHit> hits = GlossaryMatcher.inSource(List.of(sumy), "uk",
                new GlossaryMatcher.Fields("Великі суми грошей для Сум", "У СУМАХ", ""));
        assertEquals(List.of("Сум", "СУМАХ"), hits.stream().map(GlossaryHit::found).toList());
    }

    @Test
    void russianStemsGiveASecondChance() {
        Term odesa = term("ru", "en", "Одесса", List.of(), "Odesa", List.of(), List.of("Odessa"));
        List<GlossaryHit> hits = GlossaryMatcher.inSource(List.of(odesa), "ru",
                new GlossaryMatcher.Fields("Порт Одессы и в Одессе", "", ""));
        assertEquals(List.of("Одессы", "Одессе"), hits.stream().map(GlossaryHit::found).toList());
    }

    private static Term term(String from, String to, String term, List<String> termForms, String preferred,
                             List<String> preferredForms, List<String> forbidden) {
        return new Term(UUID.randomUUID(), from, to, term, termForms, preferred, preferredForms, forbidden, null,
                Instant.EPOCH, Instant.EPOCH, 1);
    }
}
