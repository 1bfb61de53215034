package newsdesk.desk;

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

/** Returns lapsed claims to the queue every interval, on every instance (SKIP LOCKED keeps them apart). */
@ApplicationScoped
public class LeaseSweeper {

    private static final System.Logger LOG = System.getLogger(LeaseSweeper.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ClaimService claims;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.sweep.seconds", defaultValue = "30")
    long intervalSeconds;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::sweep, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            int expired = claims.expireLapsedLeases();
            if (expired > 0) {
                LOG.log(Level.INFO, "{0} lapsed claim(s) returned to the queue", expired);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lease sweep failed; retrying at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
