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

    /** Plain texts, and for a pair with inline codes its coded texts (null when either has none or they differ). */
    record Pair(String source, String target, CodedText sourceCoded, CodedText targetCoded) {
        Pair(String source, String target) {
            this(source, target, null, null);
        }
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
                        pairs.add(coded(sourceText, targetText, from.get(s), to.get(s)));
                    }
                }
            }
        }
        return pairs;
    }

    /** The pair, with its codes when both sentences have the same ones (by tag and kind). */
    private static Pair coded(String sourceText, String targetText, Segment source, Segment target) {
        if (source.codes().isEmpty()) {
            return new Pair(sourceText, targetText);
        }
        CodedText sourceCoded = CodedText.of(source);
        return CodedText.aligned(sourceCoded, CodedText.of(target))
                .map(targetCoded -> new Pair(sourceText, targetText, sourceCoded, targetCoded))
                .orElse(new Pair(sourceText, targetText));
    }

    /** A segment's text as the memory stores and compares it: codes left out, whitespace runs as one space. */
    static String text(Segment segment) {
        return normalize(Segment.plain(segment.content()));
    }

    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
