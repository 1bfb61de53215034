package newsdesk.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's comment with their verdict; stays visible on the task. {@code block}: the source body's
 * top-level block (from 0) it is about, none for the whole text.
 */
public record TaskComment(long id, UUID authorId, String author, String verdict, String body, Instant at,
                          Integer block) {
}
