package newsdesk.desk;

import jakarta.validation.constraints.Size;

/** POST …/approve {comment?} and …/reject {comment} (a rejection must say why). */
public record Verdict(@Size(max = 5000) String comment) {
}
