package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.outbox.ReadersChanged;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.Notifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Hears other instances' publications: the outbox relay NOTIFYs on {@link ReadersChanged#CHANNEL}, and each
 * notification makes {@link FeedCache} render the named languages again. When the listening connection drops,
 * everything renders again (notifications may have been missed), and meanwhile the publication version is read
 * every {@code newsdesk.feed.staleness.seconds}, so no feed stays staler than that.
 */
@ApplicationScoped
public class ReadersListener implements Notifications.Subscriber {

    /** How the connection shows in pg_stat_activity (and how an operator or a test finds it). */
    public static final String APPLICATION_NAME = "newsdesk readers listener";

    @Inject
    FeedCache cache;

    @Inject
    FeedRepository repository;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "newsdesk.feed.staleness.seconds", defaultValue = "5")
    int stalenessSeconds;

    /** The publication version last seen while not listening; null: render everything at the next check. */
    private volatile Long versionSeen;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        notifications.listen(ReadersChanged.CHANNEL, APPLICATION_NAME, Duration.ofSeconds(Math.max(1, stalenessSeconds)), this);
    }

    @Override
    public void listening() {
        // Whatever changed while no one listened is rendered again.
        cache.invalidateAll();
        versionSeen = null;
    }

    @Override
    public void notified(String payload) {
        cache.onChange(ReadersChanged.parse(payload));
    }

    /** The first check renders everything again (a notification may have been lost), later ones when the version moved. */
    @Override
    public void notListening() {
        try {
            long now = repository.latestChange();
            if (versionSeen == null || now != versionSeen) {
                cache.invalidateAll();
            }
            versionSeen = now;
        } catch (NewsdeskException e) {
            // The database itself is away: nothing can be published meanwhile; render everything once it's back.
            cache.invalidateAll();
            versionSeen = null;
        }
    }
}
