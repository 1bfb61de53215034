package newsdesk.feed;

import java.time.Instant;

/** A withdrawn entry (RFC 6721 at:deleted-entry), so readers that cached it can drop it. */
public record Tombstone(String id, Instant when, String reason, String permalink) {
}
