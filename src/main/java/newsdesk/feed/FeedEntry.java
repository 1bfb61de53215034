package newsdesk.feed;

import java.time.Instant;
import java.util.List;

/** One published edition as a feed item; every URL in it is absolute. */
public record FeedEntry(String id, String language, String title, String summary, String contentHtml, String permalink,
                        String author, String section, Instant published, Instant updated, List<Alternate> alternates) {

    /** The same story published in another language. */
    public record Alternate(String language, String permalink) {
    }
}
