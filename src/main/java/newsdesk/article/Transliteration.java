package newsdesk.article;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The standards a language's slugs can follow, by the name used in {@code newsdesk.slug.transliteration}. */
public enum Transliteration {

    /** Ukrainian, Cabinet of Ministers resolution 55 of 2010 (= BGN/PCGN 2019). */
    UK_2010("uk-2010", UkrainianLatin::of),
    /** Russian, BGN/PCGN. */
    BGN_PCGN("bgn-pcgn", RussianLatin::of),
    /** ICU's Any-Latin for every script, no national standard; Latin text (English…) stays as typed. */
    ICU("icu", UnaryOperator.identity());

    private final String code;
    private final UnaryOperator<String> toLatin;

    Transliteration(String code, UnaryOperator<String> toLatin) {
        this.code = code;
        this.toLatin = toLatin;
    }

    /** The text in Latin letters; what the standard leaves (other scripts, diacritics) Slugs turns into ASCII. */
    String toLatin(String text) {
        return toLatin.apply(text);
    }

    public String code() {
        return code;
    }

    static Transliteration of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown transliteration \"" + code + "\"; known: "
                        + Arrays.stream(values()).map(Transliteration::code).collect(Collectors.joining(", "))));
    }
}
