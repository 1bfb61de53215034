package newsdesk.glossary;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a word counts as when terms are matched: its keys, case folded. Two words match when their keys
 * meet. Ukrainian: the word and its lemmas from morfologik's Ukrainian dictionary (Києві → київ; a word
 * with several readings has several lemmas, any shared one counts). Russian: the word and its Snowball
 * stem, a second chance next to the inflected forms a term lists (the stemmer alone stems Киев and Киева
 * apart). English and other languages: the word without a possessive 's and a plural s.
 */
final class WordForms {

    private static final Dictionary UKRAINIAN = ukrainian();
    /** Stems of shorter words collide too easily (Рим, рис). */
    private static final int SHORTEST_STEMMED = 5;

    private WordForms() {
    }

    /**
     * Keys for the words of one text: one dictionary lookup object (not thread-safe) and each distinct
     * word looked up once.
     */
    static java.util.function.Function<String, Set<String>> forText(String language) {
        DictionaryLookup lookup = new DictionaryLookup(UKRAINIAN);
        java.util.Map<String, Set<String>> seen = new java.util.HashMap<>();
        return word -> seen.computeIfAbsent(word, w -> keys(language, w, lookup));
    }

    static Set<String> keys(String language, String word) {
        return keys(language, word, null);
    }

    private static Set<String> keys(String language, String word, DictionaryLookup lookup) {
        String folded = fold(word);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(folded);
        switch (primary(language)) {
            case "uk" -> lemmas(lookup == null ? new DictionaryLookup(UKRAINIAN) : lookup, word, folded, keys);
            case "ru" -> {
                if (folded.length() >= SHORTEST_STEMMED) {
                    keys.add("~" + russianStem(folded));
                }
            }
            default -> english(folded, keys);
        }
        return keys;
    }

    /** Lower case, typographic apostrophes as ', ё as е, stress marks gone. */
    static String fold(String word) {
        return word.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u02BC', '\'').replace('`', '\'')
                .replace('ё', 'е').replace("\u0301", "");
    }

    /** The search dictionary spells ґ as г; proper names are listed capitalized. */
    private static void lemmas(DictionaryLookup lookup, String word, String folded, Set<String> keys) {
        for (String form : new LinkedHashSet<>(List.of(word.replace('ґ', 'г').replace('Ґ', 'Г'), folded.replace('ґ', 'г'),
                capitalized(folded.replace('ґ', 'г'))))) {
            for (WordData data : lookup.lookup(form)) {
                keys.add(fold(data.getStem().toString()).replace('ґ', 'г'));
            }
        }
    }

    private static void english(String folded, Set<String> keys) {
        String word = folded;
        if (word.endsWith("'s")) {
            word = word.substring(0, word.length() - 2);
        } else if (word.endsWith("s'")) {
            word = word.substring(0, word.length() - 1);
        }
        keys.add(word);
        if (word.length() > 3 && word.endsWith("es")) {
            keys.add(word.substring(0, word.length() - 2));
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            keys.add(word.substring(0, word.length() - 1));
        }
    }

    private static String russianStem(String folded) {
        SnowballStemmer stemmer = new RussianStemmer();
        stemmer.setCurrent(folded);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static String capitalized(String folded) {
        return folded.isEmpty() ? folded : folded.substring(0, 1).toUpperCase(Locale.ROOT) + folded.substring(1);
    }

    private static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static Dictionary ukrainian() {
        URL dictionary = WordForms.class.getResource("/ua/net/nlp/ukrainian.dict");
        if (dictionary == null) {
            throw new IllegalStateException("morfologik-ukrainian-search is missing from the class path");
        }
        try {
            return Dictionary.read(dictionary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
