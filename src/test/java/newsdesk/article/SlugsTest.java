package newsdesk.article;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @Test
    void cyrillicIsTransliterated() {
        assertEquals("kiiv-gotuetsa-do-zimi", Slugs.of("Київ готується до зими"));
        assertEquals("moskva-i-sankt-peterburg", Slugs.of("Москва и Санкт-Петербург"));
    }

    @Test
    void punctuationAndEmojiCollapse() {
        assertEquals("breaking-tom-jerry-2026", Slugs.of("  Breaking: Tom & Jerry — 2026! 🗞️ "));
        assertEquals("story", Slugs.of("🗞️ ‼️"));
    }

    @Test
    void slugsStayShortAndNeverEndWithADash() {
        String slug = Slugs.of("word ".repeat(40));
        assertTrue(slug.length() <= 80 && !slug.endsWith("-"), slug);
        assertEquals("a-3", Slugs.numbered("a", 3));
        assertEquals("a", Slugs.numbered("a", 1));
    }
}
