package newsdesk.memory;

import newsdesk.xliff.Segmentation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Match scores on real-looking news sentences, and how an approved translation is cut into pairs. */
class ScoresTest {

    @Test
    void theSameSentenceScoresHundredAndAOneWordChangeLess() {
        assertEquals(100, Scores.score("Київ готується до зими", "Київ готується до зими", 70));
        // "зими" → "весни": four edits over 23 characters
        assertEquals(82, Scores.score("Київ готується до весни", "Київ готується до зими", 70));
        assertEquals(98, Scores.score("Энергетики восстановили питание в трёх районах столицы.",
                "Энергетики восстановили питание в трёх районах столицы", 70));
        assertEquals(-1, Scores.score("Київ готується до зими", "Харків знову під обстрілом", 70));
        assertEquals(-1, Scores.score("Kyiv prepares for winter", "Kyiv prepares for spring", 80));
        assertEquals(75, Scores.score("Kyiv prepares for winter", "Kyiv prepares for spring", 70));
    }

    @Test
    void pairsFollowSentencesAndSkipBlocksThatDoNotAlign() {
        Segmentation source = Segmentation.of("uk", "Київ готується до зими", "Коротко.",
                "<p>Енергетики відновили живлення. Укриття працюють <em>цілодобово</em>.</p><p>Одне. Два.</p>");
        Segmentation target = Segmentation.of("en", "Kyiv prepares for winter", "Коротко.",
                "<p>Power is back. Shelters are open <em>around the clock</em>.</p><p>One and two.</p>");
        List<Alignment.Pair> pairs = Alignment.pairs(source, target);
        assertEquals(List.of(new Alignment.Pair("Київ готується до зими", "Kyiv prepares for winter"),
                new Alignment.Pair("Енергетики відновили живлення.", "Power is back."),
                new Alignment.Pair("Укриття працюють цілодобово.", "Shelters are open around the clock.")),
                pairs.stream().map(pair -> new Alignment.Pair(pair.source(), pair.target())).toList());
        // A sentence with codes in both is also kept with them.
        assertEquals("Shelters are open <bpt i=\"1\">&lt;em&gt;</bpt>around the clock<ept i=\"1\">&lt;/em&gt;</ept>.",
                pairs.get(2).targetCoded().toXml());
        assertEquals(null, pairs.get(1).targetCoded());
    }
}
