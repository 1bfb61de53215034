package newsdesk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.HousekeepingDue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Relayed outbox rows are kept newsdesk.outbox.keep.hours for inspection, then deleted; pending ones never. */
@ApplicationScoped
public class OutboxPurge {

    private static final System.Logger LOG = System.getLogger(OutboxPurge.class.getName());

    @Inject
    OutboxRepository outbox;

    @Inject
    @ConfigProperty(name = "newsdesk.outbox.keep.hours", defaultValue = "24")
    long keepHours;

    void purge(@Observes HousekeepingDue due) {
        int purged = outbox.purgeRelayed(due.now().minus(Duration.ofHours(keepHours)));
        LOG.log(System.Logger.Level.DEBUG, "deleted {0} relayed outbox row(s)", purged);
    }
}
