package newsdesk.delivery;

import java.util.Arrays;
import java.util.Optional;

/** The webhook event types a subscription can ask for, and which outbox topics (workflow actions) they carry. */
public enum EventType {
    /** An edition went out: published now, by the scheduler, or again after a withdrawal. */
    PUBLISHED("edition.published"),
    /** The live text of an edition changed: a correction, an approved update or a reverted correction. */
    CORRECTED("edition.corrected"),
    /** The story's section, tags or byline changed while the edition is live. */
    UPDATED("edition.updated"),
    /** An edition was taken down (a killed story takes its translations with it). */
    WITHDRAWN("edition.withdrawn");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** "edition.published", as payloads and subscriptions spell it. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> parse(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** The event an outbox topic means; every other change readers see (approvals, reverts) is a correction. */
    static EventType ofTopic(String topic) {
        return switch (topic) {
            case "publish", "publish-due" -> PUBLISHED;
            case "withdraw" -> WITHDRAWN;
            case "change-metadata" -> UPDATED;
            default -> CORRECTED;
        };
    }
}
