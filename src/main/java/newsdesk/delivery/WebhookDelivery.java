package newsdesk.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent to one subscription: {@code id} is the {@code webhook-id} header of every attempt; state
 * pending (next attempt at {@code nextAttemptAt}), delivered, or failed (the retry schedule ran out).
 */
public record WebhookDelivery(UUID id, String type, String state, Instant createdAt, Instant nextAttemptAt,
                              List<Attempt> attempts) {

    /** One try: when, the receiver's HTTP status or the error (timeout, refused connection), and how long it took. */
    public record Attempt(Instant at, Integer status, String error, long durationMillis) {
    }
}
