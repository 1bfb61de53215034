package newsdesk.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The word-index question a sentence asks for fuzzy candidates: stored sentences that share at least two of
 * its three rarest words. Rare words have short posting lists, so the index answers in milliseconds even when
 * every word of the sentence is common; a sentence that differs from a stored one by a word or two (what a
 * score of 70 or more allows) still shares two of those three. Words are lexemes of PostgreSQL's
 * {@code to_tsvector('simple', …)} (lowercased, split at punctuation), the form the index stores.
 */
final class CandidateQuery {

    /** How many of the sentence's rarest words are asked for. */
    static final int RARE_WORDS = 3;

    private CandidateQuery() {
    }

    /**
     * The {@code tsquery} text for a sentence with these words, given the share of stored sentences that
     * contain each common word (a word not listed counts as rarer than any listed); null for a sentence of
     * fewer than two words, which only an exact match can find.
     */
    static String of(Collection<String> words, Map<String, Double> frequencies) {
        List<String> rarest = rarest(words, frequencies);
        if (rarest.size() < 2) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < rarest.size(); i++) {
            for (int j = i + 1; j < rarest.size(); j++) {
                pairs.add(quote(rarest.get(i)) + " & " + quote(rarest.get(j)));
            }
        }
        return String.join(" | ", pairs);
    }

    /** The rarest words first: least frequent, then (unlisted words tie at zero) the longer, then alphabetical. */
    static List<String> rarest(Collection<String> words, Map<String, Double> frequencies) {
        return words.stream().filter(word -> !word.isEmpty()).distinct()
                .sorted(Comparator.<String>comparingDouble(word -> frequencies.getOrDefault(word, 0.0))
                        .thenComparing(Comparator.comparingInt(String::length).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(RARE_WORDS).toList();
    }

    /** A lexeme as a quoted tsquery operand, taken as is (no parsing, no normalization). */
    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
