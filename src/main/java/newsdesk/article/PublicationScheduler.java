package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * Publishes due scheduled editions every interval, on every instance (safe: see
 * {@link PublicationService#publishDue}), and logs each one it published.
 */
@ApplicationScoped
public class PublicationScheduler {

    private static final System.Logger LOG = System.getLogger(PublicationScheduler.class.getName());
    private static final int BATCH = 50;

    @Inject
    PublicationService publications;

    @Inject
    Periodic periodic;

    @Inject
    @ConfigProperty(name = "newsdesk.scheduler.interval.seconds", defaultValue = "5")
    long intervalSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every("scheduled publication", Duration.ofSeconds(intervalSeconds), this::publishDue);
    }

    private void publishDue() {
        List<EditionKey> published;
        do {
            published = publications.publishDue(BATCH);
            // After the commit, so the log names only what did go out (and which instance sent it).
            published.forEach(key -> LOG.log(Level.INFO, "published the scheduled {0} edition of article {1}",
                    key.language(), key.articleId().toString()));
        } while (published.size() == BATCH);
    }
}
