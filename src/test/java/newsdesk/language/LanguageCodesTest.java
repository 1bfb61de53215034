package newsdesk.language;

import newsdesk.platform.Invalid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageCodesTest {

    @Test
    void bcp47TagsAreAccepted() {
        for (String code : new String[] {"uk", "ru", "en", "pt-BR", "zh-Hant", "crh"}) {
            assertDoesNotThrow(() -> LanguageService.checkCode(code), code);
        }
    }

    @Test
    void uaIsTheCountryNotTheLanguage() {
        Invalid invalid = assertThrows(Invalid.class, () -> LanguageService.checkCode("ua"));
        assertTrue(invalid.getMessage().contains("Ukrainian is uk"), invalid.getMessage());
        assertThrows(Invalid.class, () -> LanguageService.checkCode("EN"));
        assertThrows(Invalid.class, () -> LanguageService.checkCode("en_US"));
    }

    @Test
    void languagesAreNamedInThemselves() {
        assertEquals("Українська", LanguageService.nativeName("uk"));
        assertEquals("Русский", LanguageService.nativeName("ru"));
        assertEquals("English", LanguageService.nativeName("en"));
    }
}
