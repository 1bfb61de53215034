package newsdesk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import newsdesk.platform.InTransaction;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records publication changes (inside the caller's transaction) and relays them after commit. */
@ApplicationScoped
public class Outbox {

    private static final int BATCH = 100;

    @Inject
    OutboxRepository outbox;

    @Inject
    Event<PublicationChanged> changes;

    @Inject
    Clock clock;

    /** Call inside the transaction that makes the change: the row commits or rolls back with it. */
    public void publicationChanged(String topic, UUID articleId, String language) {
        outbox.append(topic, articleId, language, clock.instant());
    }

    /** A change readers see that is not a publication (a site language renamed or disabled): caches refresh. */
    public void readersSeeChange() {
        outbox.bumpVersion();
    }

    /**
     * Hands one batch of committed changes to the observers of {@link PublicationChanged}, in order, and
     * marks them processed; returns how many. An observer that fails rolls the batch back for a retry.
     */
    @InTransaction
    public int relayBatch() {
        List<PublicationChanged> pending = outbox.lockPending(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        pending.forEach(changes::fire);
        outbox.markProcessed(pending.stream().map(PublicationChanged::sequence).toList(), clock.instant());
        return pending.size();
    }
}
