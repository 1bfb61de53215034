package newsdesk.feed;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One published edition as a feed item; every URL in it is absolute. */
public record FeedEntry(String id, String language, String title, String summary, String contentHtml, String permalink,
                        String author, String section, List<String> tags, Instant published, Instant updated,
                        List<Alternate> alternates) {

    /** The same story published in another language. */
    public record Alternate(String language, String permalink) {
    }

    /** The item's categories in every format: its section, then its tags, each once. */
    public List<String> categories() {
        Set<String> categories = new LinkedHashSet<>();
        if (section != null && !section.isBlank()) {
            categories.add(section);
        }
        if (tags != null) {
            tags.stream().filter(t -> t != null && !t.isBlank()).forEach(categories::add);
        }
        return List.copyOf(categories);
    }
}
