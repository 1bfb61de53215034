package newsdesk.feed;

import java.time.Instant;
import java.util.List;

/**
 * Everything a feed document says, whatever its format: identity, links (self, site, WebSub hub, RFC 5005
 * archive and paging links) and its entries, newest first.
 */
public record FeedDocument(String id, String language, String title, String description, String selfUrl,
                           String siteUrl, String hubUrl, Instant updated, List<FeedEntry> entries,
                           List<Tombstone> tombstones, Archive archive, Paging paging) {

    /** RFC 5005 links: {@code isArchive} marks an archive document; the others may be null. */
    public record Archive(boolean isArchive, String current, String prevArchive, String nextArchive) {
    }

    /** RFC 5005 §3 paging of the subscription document: its first page and the next (older) one, null at the end. */
    public record Paging(String first, String next) {
    }
}
