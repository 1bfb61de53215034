package newsdesk.article;

import java.util.Locale;
import java.util.Map;

/**
 * Ukrainian in the national transliteration (Cabinet of Ministers resolution 55 of 2010, the same as
 * BGN/PCGN 2019): Київ kyiv, Запоріжжя zaporizhzhia, Згорани zghorany. Output is lower case; anything that is
 * not a Ukrainian letter passes through unchanged.
 */
final class UkrainianLatin {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"),
            Map.entry('і', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""));

    /** є ї й ю я: one spelling at a word's start, another inside it. */
    private static final Map<Character, String> AT_START = Map.of('є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");
    private static final Map<Character, String> INSIDE = Map.of('є', "ie", 'ї', "i", 'й', "i", 'ю', "iu", 'я', "ia");

    /** The apostrophe in all its typed forms: dropped, and it does not end the word (Знам’янка znamianka). */
    private static final String APOSTROPHES = "'\u2019\u02BC";

    private UkrainianLatin() {
    }

    static String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 8);
        boolean inWord = false;
        char previous = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (APOSTROPHES.indexOf(c) >= 0 && inWord) {
                continue;
            }
            if (AT_START.containsKey(c)) {
                latin.append(inWord ? INSIDE.get(c) : AT_START.get(c));
            } else if (c == 'г' && previous == 'з') {
                latin.append("gh"); // зг is zgh, so it is not read as the digraph zh
            } else {
                latin.append(LETTERS.getOrDefault(c, String.valueOf(c)));
            }
            inWord = Character.isLetter(c);
            previous = c;
        }
        return latin.toString();
    }
}
