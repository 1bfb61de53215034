package newsdesk.site;

import java.time.Instant;
import java.util.List;

/** What readers get at /public/{lang}/articles/{slug}: the published text and its sibling languages. */
public record Story(String id, String language, String slug, String url, String title, String summary, String body,
                    String byline, String section, List<String> tags, Instant publishedAt, Instant updatedAt,
                    List<Sibling> alternates) {
}
