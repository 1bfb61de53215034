package newsdesk.article;

import java.time.Instant;
import java.util.UUID;

/** An immutable snapshot of one edition's text; every save makes a new one, numbered 1, 2, … per edition. */
public record Revision(int number, String title, String summary, String body, String note, UUID authorId,
                       Instant createdAt) {
}
