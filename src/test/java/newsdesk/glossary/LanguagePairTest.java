package newsdesk.glossary;

import newsdesk.platform.Invalid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LanguagePairTest {

    @Test
    void thePairSplitsWhereBothSidesAreLanguageTags() {
        assertEquals(new LanguagePair("uk", "en"), LanguagePair.parse("uk-en"));
        assertEquals(new LanguagePair("pt-BR", "en"), LanguagePair.parse("pt-BR-en"));
        assertEquals(new LanguagePair("uk", "en-GB"), LanguagePair.parse("uk-en-GB"));
        assertEquals(new LanguagePair("qab-xab12", "qcd-x5678"), LanguagePair.parse("qab-xab12-qcd-x5678"));
        assertThrows(Invalid.class, () -> LanguagePair.parse("uk"));
        assertThrows(Invalid.class, () -> LanguagePair.parse("uk-"));
        assertThrows(Invalid.class, () -> LanguagePair.parse("UK-EN"));
    }
}
