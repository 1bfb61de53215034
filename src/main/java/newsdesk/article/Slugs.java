package newsdesk.article;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;

/** URL slugs from titles: Cyrillic (and any other script) transliterated to plain ASCII words. */
public final class Slugs {

    private static final int MAX_LENGTH = 80;
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Slugs() {
    }

    /** "Київ готується до зими" → "kiiv-gotuietsia-do-zimi"; never empty. */
    public static String of(String title) {
        String ascii;
        synchronized (TO_ASCII) {
            ascii = TO_ASCII.transliterate(title);
        }
        // Soft signs and apostrophes become primes or quotes; inside a word they must not split it.
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("['`\"\u02B9\u02BA\u02BC\u2019]", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "story" : slug;
    }

    /** The n-th alternative when the slug is taken in that language: "slug-2", "slug-3", … */
    public static String numbered(String slug, int n) {
        return n <= 1 ? slug : slug + "-" + n;
    }
}
