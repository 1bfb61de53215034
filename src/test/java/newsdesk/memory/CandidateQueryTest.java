package newsdesk.memory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which words of a sentence ask the word index for fuzzy candidates, and the query they make. */
class CandidateQueryTest {

    @Test
    void theThreeRarestWordsAskForStoredSentencesSharingTwoOfThem() {
        // As ANALYZE counts them: "у" in most sentences, place names and verbs in a few per cent.
        Map<String, Double> common = Map.of("у", 0.8, "київ", 0.02, "енергетики", 0.011, "відновили", 0.0098,
                "живлення", 0.0075, "районах", 0.013);
        List<String> words = List.of("енергетики", "відновили", "живлення", "у", "трьох", "районах", "київ");
        // "трьох" is not among the common words: rarer than any of them.
        assertEquals(List.of("трьох", "живлення", "відновили"), CandidateQuery.rarest(words, common));
        assertEquals("'трьох' & 'живлення' | 'трьох' & 'відновили' | 'живлення' & 'відновили'",
                CandidateQuery.of(words, common));
    }

    @Test
    void withoutStatisticsTheLongerWordsCountAsRarer() {
        // "зими" and "київ" are as long: alphabetical order decides, so every lookup asks the same.
        assertEquals("'готується' & 'зими' | 'готується' & 'київ' | 'зими' & 'київ'",
                CandidateQuery.of(List.of("київ", "готується", "до", "зими"), Map.of()));
        assertEquals("'погода' & 'тепла'", CandidateQuery.of(List.of("тепла", "погода"), Map.of()));
    }

    @Test
    void aOneWordSentenceHasNoFuzzyQueryAndQuotesAreEscaped() {
        assertNull(CandidateQuery.of(List.of("київ"), Map.of()));
        assertNull(CandidateQuery.of(List.of(), Map.of()));
        assertEquals("'back\\\\slash' & 'o''brien'", CandidateQuery.of(List.of("o'brien", "back\\slash"), Map.of()));
    }
}
