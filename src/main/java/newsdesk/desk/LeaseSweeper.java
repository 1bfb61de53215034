package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Duration;

/** Returns lapsed claims to the queue every interval, on every instance (SKIP LOCKED keeps them apart). */
@ApplicationScoped
public class LeaseSweeper {

    private static final System.Logger LOG = System.getLogger(LeaseSweeper.class.getName());

    @Inject
    ClaimService claims;

    @Inject
    Periodic periodic;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.sweep.seconds", defaultValue = "30")
    long intervalSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every("lease sweep", Duration.ofSeconds(intervalSeconds), this::sweep);
    }

    private void sweep() {
        int expired = claims.expireLapsedLeases();
        if (expired > 0) {
            LOG.log(Level.INFO, "{0} lapsed claim(s) returned to the queue", expired);
        }
    }
}
