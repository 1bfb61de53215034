package newsdesk.memory;

import newsdesk.xliff.Segment;
import newsdesk.xliff.Segmentation;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence pairs of an approved translation: source and translation cut as the XLIFF export cuts them
 * and paired block by block and sentence by sentence. A block whose sentence counts differ (the
 * translator merged or split sentences) pairs nothing: a wrong pair in the memory is worse than none.
 */
final class Alignment {

    /** The longest sentence the memory keeps (the column's limit). */
    static final int MAX_LENGTH = 4000;

    record Pair(String source, String target) {
    }

    private Alignment() {
    }

    static List<Pair> pairs(Segmentation source, Segmentation target) {
        List<Pair> pairs = new ArrayList<>();
        for (String field : Segmentation.FIELDS) {
            List<List<Segment>> sourceRuns = source.runs(field);
            List<List<Segment>> targetRuns = target.runs(field);
            if (sourceRuns.size() != targetRuns.size()) {
                continue;
            }
            for (int r = 0; r < sourceRuns.size(); r++) {
                List<Segment> from = sourceRuns.get(r);
                List<Segment> to = targetRuns.get(r);
                if (from.size() != to.size()) {
                    continue;
                }
                for (int s = 0; s < from.size(); s++) {
                    String sourceText = text(from.get(s));
                    String targetText = text(to.get(s));
                    if (!sourceText.isEmpty() && !targetText.isEmpty() && !sourceText.equals(targetText)
                            && sourceText.length() <= MAX_LENGTH && targetText.length() <= MAX_LENGTH) {
                        pairs.add(new Pair(sourceText, targetText));
                    }
                }
            }
        }
        return pairs;
    }

    /** A segment's text as the memory stores and compares it: codes left out, whitespace runs as one space. */
    static String text(Segment segment) {
        return normalize(Segment.plain(segment.content()));
    }

    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
