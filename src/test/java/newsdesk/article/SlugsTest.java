package newsdesk.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    private final SlugStyle style = new SlugStyle("uk:uk-2010,ru:bgn-pcgn");

    @ParameterizedTest
    @CsvSource({
            "Київ, kyiv", "Харків, kharkiv", "Запоріжжя, zaporizhzhia", "Згорани, zghorany", "Юрій, yurii",
            "Єнакієве, yenakiieve", "Знам’янка, znamianka", "Знам'янка, znamianka", "Знамʼянка, znamianka",
            "Ґалаґан, galagan", "Їжакевич, yizhakevych", "Йосипівка, yosypivka", "Розгон, rozghon",
            "Київ готується до зими, kyiv-hotuietsia-do-zymy",
            "Укренерго: графіки відключень світла у Львові скасовано, ukrenerho-hrafiky-vidkliuchen-svitla-u-lvovi-skasovano"})
    void ukrainianFollowsTheNationalTransliterationOf2010(String title, String slug) {
        assertEquals(slug, style.of("uk", title));
    }

    @ParameterizedTest
    @CsvSource({
            "Москва, moskva", "Щёлково, shchyolkovo", "Объявление, obyavleniye", "Хабаровск, khabarovsk",
            "Ельцин и Подъячев, yeltsin-i-podyachev", "Съезд в Екатеринбурге, syezd-v-yekaterinburge",
            "Москва и Санкт-Петербург готовятся к зиме, moskva-i-sankt-peterburg-gotovyatsya-k-zime"})
    void russianFollowsBgnPcgn(String title, String slug) {
        assertEquals(slug, style.of("ru", title));
    }

    @ParameterizedTest
    @CsvSource({
            "en, Kyiv prepares for winter, kyiv-prepares-for-winter", "en, Café, cafe",
            "fr, Éloïse à Zürich, eloise-a-zurich", "en, Zelensky meets Київ mayor, zelensky-meets-kiiv-mayor",
            "el, Αθήνα, athena"})
    void otherLanguagesKeepTheirLettersInAscii(String language, String title, String slug) {
        assertEquals(slug, style.of(language, title));
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = style.of("uk", "Верховна Рада ухвалила в першому читанні законопроєкт про реформу "
                + "місцевого самоврядування та децентралізацію влади");
        assertEquals("verkhovna-rada-ukhvalyla-v-pershomu-chytanni-zakonoproiekt-pro-reformu", slug); // "-mistsevoho" would pass 80
        assertTrue(slug.length() <= 80);
        assertEquals("a".repeat(80), style.of("en", "a".repeat(120) + " word"));
    }

    @Test
    void punctuationAndEmojiCollapse() {
        assertEquals("breaking-tom-jerry-2026", style.of("en", "  Breaking: Tom & Jerry — 2026! 🗞️ "));
        assertEquals("story", style.of("uk", "🗞️ ‼️"));
        assertEquals("a-3", Slugs.numbered("a", 3));
        assertEquals("a", Slugs.numbered("a", 1));
    }

    @Test
    void theStandardIsChosenPerLanguage() {
        assertEquals("kiiv", new SlugStyle("ru:bgn-pcgn").of("uk", "Київ"));
        assertEquals("kyiv", new SlugStyle("pt:uk-2010").of("pt-BR", "Київ"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new SlugStyle("uk:uk-1996"));
        assertTrue(unknown.getMessage().contains("uk-1996") && unknown.getMessage().contains("uk-2010, bgn-pcgn, icu"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SlugStyle("uk"));
    }
}
