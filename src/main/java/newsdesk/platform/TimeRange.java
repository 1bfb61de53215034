package newsdesk.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The instants Newsdesk accepts from clients (dates in bodies, positions in cursors): 1970 to the end
 * of 9999. Java parses years up to ±999999999, but PostgreSQL, RFC 3339 and the feed formats cannot
 * carry them, so anything outside is refused before it reaches a query.
 */
public final class TimeRange {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TimeRange() {
    }

    /** The ISO-8601 instant ("2026-11-29T08:00:00Z") the text holds, when it is one within the range. */
    public static Optional<Instant> parse(String text) {
        try {
            Instant instant = Instant.parse(text);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
