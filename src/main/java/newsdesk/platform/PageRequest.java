package newsdesk.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ?limit=&cursor=} of every list: the limit defaults to 50 and is clamped to 100; the cursor is
 * an opaque token wrapping the sort key of the last item seen.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String cursor) {
        if (limit != null && limit < 1) {
            throw Invalid.field("limit", "must be at least 1");
        }
        int clamped = limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return new PageRequest(clamped, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /** Builds the page from up to limit + 1 fetched rows; the extra row only tells that more exist. */
    public <T> Page<T> page(List<T> fetched, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(sortKey.apply(items.get(items.size() - 1))));
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key inside; a cursor this server could not have written (not base64, not UTF-8, controls) is a 422. */
    private static String decode(String cursor) {
        try {
            return TextRules.strictUtf8(Base64.getUrlDecoder().decode(cursor))
                    .filter(key -> TextRules.problem(key).isEmpty())
                    .orElseThrow(SortKey::forged);
        } catch (IllegalArgumentException e) {
            throw SortKey.forged();
        }
    }
}
