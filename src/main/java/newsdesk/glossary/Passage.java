package newsdesk.glossary;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field's text cut into words with their keys ({@link WordForms}), indexed by key. For HTML the words
 * are read from the text between the tags, entities decoded, but every position is the one in the stored
 * HTML, counted in Unicode code points (an emoji counts one, as in PostgreSQL or Python).
 */
final class Passage {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+(?:['\u2019\u02BC][\\p{L}\\p{M}\\p{Nd}]+)*");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|&#?[A-Za-z0-9]+;");

    /**
     * A word: where it starts and ends in the stored text (chars), its keys, and whether it is capitalized.
     * A capitalized word of a term (a name) matches only capitalized words: Суми the city, not суми (sums).
     */
    record Word(int start, int end, Set<String> keys, boolean capitalized) {

        boolean matches(Word form) {
            if (form.capitalized() && !capitalized) {
                return false;
            }
            for (String key : keys) {
                if (form.keys().contains(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A found form: its text as written and where it starts (code points). */
    record Span(String text, int offset, int startWord, int endWord) {
    }

    private final String stored;
    private final List<Word> words = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    private Passage(String language, String stored, String visible, int[] storedIndex) {
        this.stored = stored;
        Matcher word = WORD.matcher(visible);
        java.util.function.Function<String, Set<String>> forms = WordForms.forText(language);
        while (word.find()) {
            Set<String> keys = forms.apply(word.group());
            int at = words.size();
            words.add(new Word(storedIndex[word.start()], storedIndex[word.end() - 1] + 1, keys,
                    Character.isUpperCase(word.group().codePointAt(0))));
            keys.forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(at));
        }
    }

    static Passage plain(String language, String text) {
        int[] index = new int[text.length()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return new Passage(language, text, text, index);
    }

    static Passage html(String language, String html) {
        StringBuilder visible = new StringBuilder(html.length());
        int[] index = new int[html.length()];
        Matcher markup = MARKUP.matcher(html);
        int from = 0;
        while (markup.find()) {
            from = copy(html, from, markup.start(), visible, index);
            if (markup.group().startsWith("&")) {
                // A decoded character points at its entity's first char.
                for (char c : Parser.unescapeEntities(markup.group(), false).toCharArray()) {
                    index[visible.length()] = markup.start();
                    visible.append(c);
                }
            } else {
                // A tag separates words (<br>, </p><p>).
                index[visible.length()] = markup.start();
                visible.append(' ');
            }
            from = markup.end();
        }
        copy(html, from, html.length(), visible, index);
        return new Passage(language, html, visible.toString(), index);
    }

    private static int copy(String from, int start, int end, StringBuilder to, int[] index) {
        for (int i = start; i < end; i++) {
            index[to.length()] = i;
            to.append(from.charAt(i));
        }
        return end;
    }

    /** The words in order: a term's form as {@link #find} takes it. */
    List<Word> words() {
        return List.copyOf(words);
    }

    /** Every place where the form (its words' keys, in order) occurs. */
    List<Span> find(List<Word> form) {
        if (form.isEmpty()) {
            return List.of();
        }
        List<Span> found = new ArrayList<>();
        Set<Integer> starts = new java.util.TreeSet<>();
        for (String key : form.get(0).keys()) {
            starts.addAll(byKey.getOrDefault(key, List.of()));
        }
        for (int start : starts) {
            if (start + form.size() > words.size() || !words.get(start).matches(form.get(0))) {
                continue;
            }
            boolean all = true;
            for (int i = 1; i < form.size() && all; i++) {
                all = words.get(start + i).matches(form.get(i));
            }
            if (all) {
                int begin = words.get(start).start();
                int end = words.get(start + form.size() - 1).end();
                found.add(new Span(stored.substring(begin, end), stored.codePointCount(0, begin), start,
                        start + form.size()));
            }
        }
        return found;
    }
}
