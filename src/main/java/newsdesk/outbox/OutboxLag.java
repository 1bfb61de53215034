package newsdesk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.NewsroomMetrics;
import org.eclipse.microprofile.metrics.MetricUnits;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * How far the relay is behind, read from the database at each scrape, so every instance reports the same
 * shared backlog and a stopped relay shows even when this instance's own job is the one that died.
 */
@ApplicationScoped
public class OutboxLag {

    private static final System.Logger LOG = System.getLogger(OutboxLag.class.getName());

    @Inject
    OutboxRepository outbox;

    @Inject
    NewsroomMetrics metrics;

    @Inject
    Clock clock;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge("newsdesk_outbox_pending", "Outbox rows not relayed yet (all instances)", MetricUnits.NONE,
                () -> read(backlog -> backlog.pending()));
        metrics.gauge("newsdesk_outbox_oldest_pending_age", "Age of the oldest outbox row not relayed yet; 0 when none",
                MetricUnits.SECONDS, () -> read(backlog -> backlog.oldest() == null ? 0
                        : Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0)));
    }

    /** NaN (Prometheus' "unknown") when the database does not answer: the scrape still serves everything else. */
    private double read(ToDoubleFunction<OutboxRepository.Backlog> figure) {
        try {
            return figure.applyAsDouble(outbox.backlog());
        } catch (NewsdeskException e) {
            LOG.log(Level.WARNING, "Could not read the outbox backlog for metrics: " + e.getMessage());
            return Double.NaN;
        }
    }
}
