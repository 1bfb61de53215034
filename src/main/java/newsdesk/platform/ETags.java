package newsdesk.platform;

/**
 * Optimistic locking over HTTP: a resource's ETag is its row version; writes must send it back in
 * If-Match (428 when missing; the guarded UPDATE answers 412 when it is stale).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client last read, from its If-Match header. */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionFailed.missing();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/\"") && tag.endsWith("\"")) {
            // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches, so the write is stale.
            return -1;
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw new NewsdeskException(ErrorCode.MALFORMED_REQUEST,
                    "If-Match must be the quoted ETag from your last read, like \"3\"");
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            // Not one of our ETags, so it cannot match the current one.
            return -1;
        }
    }
}
