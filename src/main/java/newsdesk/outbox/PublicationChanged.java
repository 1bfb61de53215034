package newsdesk.outbox;

import java.util.UUID;

/**
 * A committed change to what readers see: an edition was published, corrected or withdrawn. Fired as a
 * CDI event by the relay; the topic is the workflow action's name (publish, correct, withdraw, …).
 */
public record PublicationChanged(long sequence, String topic, UUID articleId, String language) {
}
