package newsdesk.article;

import java.util.Locale;
import java.util.Map;

/**
 * Russian in BGN/PCGN (1947): Хабаровск khabarovsk, Щёлково shchyolkovo. е is ye at a word's start and after
 * a vowel, й, ъ or ь (Объявление obyavleniye), e elsewhere; ё is always yo; the hard and soft signs are
 * dropped (BGN/PCGN writes them as quotes, which a URL cannot keep). Output is lower case; anything that is
 * not a Russian letter passes through unchanged.
 */
final class RussianLatin {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    /** After these (or at a word's start) е is ye. */
    private static final String YE_AFTER = "аеёиоуыэюяйъь";

    private RussianLatin() {
    }

    static String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 8);
        char previous = ' ';
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == 'е' && (!Character.isLetter(previous) || YE_AFTER.indexOf(previous) >= 0)) {
                latin.append("ye");
            } else {
                latin.append(LETTERS.getOrDefault(c, String.valueOf(c)));
            }
            previous = c;
        }
        return latin.toString();
    }
}
