package newsdesk.site;

import java.time.Instant;
import java.util.List;

/** A story in a list (front page, section page): everything but the body. */
public record StoryCard(String id, String language, String slug, String url, String title, String summary,
                        String byline, String section, List<String> tags, Instant publishedAt, Instant updatedAt,
                        List<Sibling> alternates) {
}
