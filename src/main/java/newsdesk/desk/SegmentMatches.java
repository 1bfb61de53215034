package newsdesk.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Translation-memory matches for one sentence of a task's source: the segment id (as in the XLIFF
 * export), its text, and the best stored translations, best first, each with its score (0–100, 100 an
 * exact match) and where it came from.
 */
public record SegmentMatches(String segment, String source, List<Match> matches) {

    public record Match(UUID id, String source, String target, int score, Origin origin) {
    }

    /** The approval a stored pair comes from; article and approver are absent for an imported one. */
    public record Origin(UUID articleId, String language, String approver, Instant approvedAt) {
    }
}
