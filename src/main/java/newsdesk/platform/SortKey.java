package newsdesk.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads back the parts of a list's sort key from a cursor ("2026-11-29T08:00:00Z|id"). A part this
 * server could not have written, such as an instant in the year 999999999, is a 422 on {@code cursor}
 * rather than a query PostgreSQL refuses.
 */
public final class SortKey {

    private SortKey() {
    }

    /** The key's parts, split at '|'; exactly {@code count} of them or the cursor is forged. */
    public static List<String> parts(String key, int count) {
        List<String> parts = List.of(key.split("\\|", -1));
        if (parts.size() != count) {
            throw forged();
        }
        return parts;
    }

    public static Instant instant(String part) {
        return TimeRange.parse(part).orElseThrow(SortKey::forged);
    }

    public static UUID id(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw forged();
        }
    }

    public static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw forged();
        }
    }

    /** The 422 for a cursor this server cannot have written. */
    public static Invalid forged() {
        return Invalid.field("cursor", "is not a cursor this server returned");
    }
}
