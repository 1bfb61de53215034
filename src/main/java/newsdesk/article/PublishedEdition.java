package newsdesk.article;

import java.time.Instant;
import java.util.List;

/** What readers get at /public/{lang}/articles/{slug}: the published text and its sibling languages. */
public record PublishedEdition(String id, String language, String slug, String title, String summary, String body,
                               String byline, String section, List<String> tags, Instant publishedAt,
                               Instant updatedAt, List<Alternate> alternates) {

    /** The same story in another language. */
    public record Alternate(String language, String slug) {
    }
}
