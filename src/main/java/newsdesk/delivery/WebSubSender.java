package newsdesk.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.feed.FeedService;
import newsdesk.platform.Periodic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends due WebSub pings ({@code hub.mode=publish&hub.url=…}) to the configured hub, one claimed row at a
 * time; a refused ping is retried with exponential back-off kept in the row (base, doubled, capped).
 */
@ApplicationScoped
public class WebSubSender {

    private static final System.Logger LOG = System.getLogger(WebSubSender.class.getName());

    @Inject
    WebSubRepository pings;

    @Inject
    FeedService feeds;

    @Inject
    Periodic periodic;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "newsdesk.delivery.concurrency", defaultValue = "4")
    int concurrency;

    private Dispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    Event<DeliveryFailed> failures;

    @Inject
    @ConfigProperty(name = "newsdesk.delivery.interval.millis", defaultValue = "500")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "newsdesk.delivery.timeout.millis", defaultValue = "10000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "newsdesk.websub.retry.base.millis", defaultValue = "1000")
    long retryBaseMillis;

    @Inject
    @ConfigProperty(name = "newsdesk.websub.retry.max.seconds", defaultValue = "3600")
    long retryMaxSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        dispatcher = new Dispatcher("WebSub pings", threadFactory, concurrency);
        periodic.every("WebSub pings", Duration.ofMillis(intervalMillis), this::sendDue);
    }

    private void sendDue() {
        Optional<String> hub = feeds.hub();
        if (hub.isEmpty()) {
            return;
        }
        dispatcher.drain(() -> {
            Instant now = clock.instant();
            return pings.claimDue(now, now.plus(lease()));
        }, ping -> send(hub.get(), ping));
    }

    private void send(String hub, WebSubRepository.Claimed ping) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(ping.feedUrl(), StandardCharsets.UTF_8);
        HttpPost.Outcome outcome = HttpPost.send(hub, "application/x-www-form-urlencoded", Map.of(), form,
                Duration.ofMillis(timeoutMillis));
        if (outcome.delivered()) {
            pings.delivered(ping);
            return;
        }
        Duration wait = backOff(ping.attempts());
        LOG.log(Level.INFO, "WebSub hub {0}: {1} for {2} (attempt {3}); next in {4}", hub, outcome.describe(),
                ping.feedUrl(), ping.attempts(), wait);
        pings.failed(ping, clock.instant().plus(wait), outcome.describe());
        failures.fire(new DeliveryFailed("websub", hub));
    }

    /** base · 2^(attempts − 1), at most the cap. */
    private Duration backOff(int attempts) {
        Duration cap = Duration.ofSeconds(retryMaxSeconds);
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = Duration.ofMillis(retryBaseMillis).multipliedBy(1L << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** A claimed ping is another instance's to retry only after the attempt surely ended. */
    private Duration lease() {
        return Duration.ofMillis(timeoutMillis).plusSeconds(10);
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }
}
