package newsdesk.article;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs from titles: transliterated by the language's standard, then plain ASCII words. */
public final class Slugs {

    private static final int MAX_LENGTH = 80;
    /** What the standard left in other scripts or with diacritics (Café cafe). */
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    // Compiled once: String.replaceAll compiles its pattern on every call.
    private static final Pattern QUOTES = Pattern.compile("['`\"\u02B9\u02BA\u02BC\u2019]");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private Slugs() {
    }

    /** "Київ готується до зими" in uk-2010 → "kyiv-hotuietsia-do-zymy"; at most 80 characters; never empty. */
    public static String of(String title, Transliteration standard) {
        String latin = standard.toLatin(title);
        String ascii;
        if (latin.chars().allMatch(c -> c < 0x80)) {
            // Already ASCII (a national standard's output, English): ICU would leave it as it is, slowly.
            ascii = latin;
        } else {
            synchronized (TO_ASCII) {
                ascii = TO_ASCII.transliterate(latin);
            }
        }
        // Soft signs and apostrophes become primes or quotes; inside a word they must not split it.
        String slug = QUOTES.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
        slug = EDGE_DASHES.matcher(NOT_WORD.matcher(slug).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            int lastBoundary = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, lastBoundary > 0 ? lastBoundary : MAX_LENGTH);
        }
        return slug.isEmpty() ? "story" : slug;
    }

    /** The n-th alternative when the slug is taken in that language: "slug-2", "slug-3", … */
    public static String numbered(String slug, int n) {
        return n <= 1 ? slug : slug + "-" + n;
    }
}
