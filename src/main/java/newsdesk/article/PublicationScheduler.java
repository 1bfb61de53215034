package newsdesk.article;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes due scheduled editions every interval, on every instance (safe: see
 * {@link PublicationService#publishDue}), and logs each one it published.
 */
@ApplicationScoped
public class PublicationScheduler {

    private static final System.Logger LOG = System.getLogger(PublicationScheduler.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    PublicationService publications;

    @Inject
    @ConfigProperty(name = "newsdesk.scheduler.interval.seconds", defaultValue = "5")
    long intervalSeconds;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = executor.scheduleWithFixedDelay(this::publishDue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void publishDue() {
        try {
            List<EditionKey> published;
            do {
                published = publications.publishDue(BATCH);
                // After the commit, so the log names only what did go out (and which instance sent it).
                published.forEach(key -> LOG.log(Level.INFO, "published the scheduled {0} edition of article {1}",
                        key.language(), key.articleId().toString()));
            } while (published.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled publication failed; retrying at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
