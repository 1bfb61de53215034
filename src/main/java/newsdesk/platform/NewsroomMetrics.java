package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The newsroom's own figures, in MicroProfile Metrics' application registry: Payara serves them at
 * {@code /metrics} (and {@code /metrics?scope=application}) beside the JVM's, in the Prometheus text format.
 * Workflow counts move only when their transaction commits; the README lists every metric.
 */
@ApplicationScoped
public class NewsroomMetrics {

    /** The delivery channels whose failures are counted; their series exist from the start, at 0. */
    private static final List<String> DELIVERY_CHANNELS = List.of("webhook", "websub");

    private static final Metadata PUBLICATIONS = counter("newsdesk_publications",
            "Committed changes of what readers see, per edition language and action");
    private static final Metadata TASK_ACTIONS = counter("newsdesk_task_actions",
            "Committed translation task actions (claim, approve, reject, ...), per task language and action");
    private static final Metadata FEED_RENDERS = counter("newsdesk_feed_renders",
            "Feeds and sitemaps rendered, per format");
    private static final Metadata FEED_CACHE_HITS = counter("newsdesk_feed_cache_hits",
            "Feeds and sitemaps served from the in-memory cache without rendering, per format");
    private static final Metadata DELIVERY_FAILURES = counter("newsdesk_delivery_failures",
            "Failed delivery attempts of webhooks and WebSub pings, per channel");

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    Jdbc jdbc;

    /** Counted on every feed request: looked up in the registry once per format, not per request. */
    private final Map<String, Counter> cacheHits = new ConcurrentHashMap<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        DELIVERY_CHANNELS.forEach(channel -> registry.counter(DELIVERY_FAILURES, new Tag("channel", channel)));
    }

    /** An edition's change readers see ("publish", "correct", "withdraw", "kill", ...), once it commits. */
    public void published(String language, String action) {
        jdbc.afterCommit(() -> registry.counter(PUBLICATIONS, new Tag("language", language), new Tag("action", action)).inc());
    }

    /** A translation task's move ("claim", "approve", "reject", ...), once it commits. */
    public void taskMoved(String language, String action) {
        jdbc.afterCommit(() -> registry.counter(TASK_ACTIONS, new Tag("language", language), new Tag("action", action)).inc());
    }

    /** A feed or sitemap was rendered ("rss", "atom", "json", "archive", "sitemap"). */
    public void feedRendered(String format) {
        registry.counter(FEED_RENDERS, new Tag("format", format)).inc();
    }

    /** A feed or sitemap was served as rendered before. */
    public void feedServedFromCache(String format) {
        cacheHits.computeIfAbsent(format, f -> registry.counter(FEED_CACHE_HITS, new Tag("format", f))).inc();
    }

    /** One failed delivery attempt on a channel ("webhook", "websub"): counted whether or not a retry follows. */
    public void deliveryFailed(String channel) {
        registry.counter(DELIVERY_FAILURES, new Tag("channel", channel)).inc();
    }

    /** A figure read when metrics are scraped; {@code unit} from MetricUnits (Prometheus appends it to the name). */
    public void gauge(String name, String description, String unit, Supplier<Double> reading) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(), reading);
    }

    private static Metadata counter(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
