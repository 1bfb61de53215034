package newsdesk.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Drains the outbox every interval (every instance does; SKIP LOCKED keeps them out of each other's way). */
@ApplicationScoped
public class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "newsdesk.outbox.interval.millis", defaultValue = "500")
    long intervalMillis;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::drain, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            while (outbox.relayBatch() > 0) {
                LOG.log(Level.DEBUG, "relayed an outbox batch");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox relay failed; retrying at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
