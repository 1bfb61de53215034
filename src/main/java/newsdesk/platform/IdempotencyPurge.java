package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Idempotency keys answer retries for newsdesk.idempotency.keep.hours; older ones are deleted. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final System.Logger LOG = System.getLogger(IdempotencyPurge.class.getName());

    @Inject
    IdempotencyRepository keys;

    @Inject
    @ConfigProperty(name = "newsdesk.idempotency.keep.hours", defaultValue = "24")
    long keepHours;

    void purge(@Observes HousekeepingDue due) {
        int purged = keys.purge(due.now().minus(Duration.ofHours(keepHours)));
        LOG.log(System.Logger.Level.DEBUG, "deleted {0} idempotency key(s)", purged);
    }
}
