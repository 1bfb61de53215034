package newsdesk.desk;

import java.time.Instant;
import java.util.UUID;

/** A reviewer's comment with their verdict; stays visible on the task. */
public record TaskComment(long id, UUID authorId, String author, String verdict, String body, Instant at) {
}
