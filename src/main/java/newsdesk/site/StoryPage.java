package newsdesk.site;

import java.util.List;

/** One page of published stories, newest first; {@code nextCursor} is null on the last page. */
public record StoryPage(List<StoryCard> items, String nextCursor) {
}
