package newsdesk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Duration;

/** Drains the outbox every interval (every instance does; SKIP LOCKED keeps them out of each other's way). */
@ApplicationScoped
public class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    Periodic periodic;

    @Inject
    @ConfigProperty(name = "newsdesk.outbox.interval.millis", defaultValue = "500")
    long intervalMillis;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every("outbox relay", Duration.ofMillis(intervalMillis), this::drain);
    }

    private void drain() {
        while (outbox.relayBatch() > 0) {
            LOG.log(Level.DEBUG, "relayed an outbox batch");
        }
    }
}
