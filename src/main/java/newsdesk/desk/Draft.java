package newsdesk.desk;

import java.time.Instant;

/** The holder's work in progress; kept on the task when the claim is released or lapses. */
public record Draft(String title, String summary, String body, Instant savedAt) {
}
