package newsdesk.desk;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * POST …/approve {comment?} and …/reject {comment, block?} (a rejection must say why). {@code block}
 * anchors a rejection's comment to one paragraph: the index, from 0, of a top-level block of the task's
 * pinned source body (as the desk shows it); out of range is a 422.
 */
public record Verdict(@Size(max = 5000) String comment, @PositiveOrZero Integer block) {
}
