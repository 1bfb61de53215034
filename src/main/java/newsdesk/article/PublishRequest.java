package newsdesk.article;

import java.time.Instant;

/** POST …/publish: now when {@code at} is absent, else scheduled for that (future) time. */
public record PublishRequest(Instant at) {
}
