package newsdesk.memory;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A match's score: 100 for the same sentence, otherwise 100 × (1 − edit distance ÷ the longer length),
 * rounded down and at most 99, so only an exact match shows 100. Below the minimum it is not a match.
 */
final class Scores {

    private Scores() {
    }

    /** The score of {@code stored} as a match for {@code wanted}, or -1 when it falls below {@code minimum}. */
    static int score(String wanted, String stored, int minimum) {
        if (wanted.equals(stored)) {
            return 100;
        }
        int longer = Math.max(wanted.length(), stored.length());
        // The distance beyond which the score would fall below the minimum: the library stops counting there.
        int limit = (int) Math.floor(longer * (100 - minimum) / 100.0);
        int distance = new LevenshteinDistance(limit).apply(wanted, stored);
        if (distance < 0) {
            return -1;
        }
        int score = Math.min(99, (int) Math.floor(100.0 * (longer - distance) / longer));
        return score >= minimum ? score : -1;
    }
}
