package newsdesk.feed;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.outbox.PublicationChanged;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WebSub publisher pings (hub.mode=publish&hub.url=…) for the feeds of the language a committed change
 * touched, when NEWSDESK_WEBSUB_HUB is set. Called by the outbox relay; a failed ping is retried with
 * exponential back-off (1 s, 2 s, 4 s, 8 s) without holding the relay up.
 */
@ApplicationScoped
public class WebSubPublisher {

    private static final System.Logger LOG = System.getLogger(WebSubPublisher.class.getName());
    private static final int ATTEMPTS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    FeedService feeds;

    @Resource
    ManagedScheduledExecutorService executor;

    void onChange(@Observes PublicationChanged change) {
        feeds.hub().ifPresent(hub -> {
            for (FeedFormat format : List.of(FeedFormat.ATOM, FeedFormat.RSS, FeedFormat.JSON)) {
                String feed = feeds.selfUrl(change.language(), null, format);
                executor.execute(() -> ping(hub, feed, 1));
            }
        });
    }

    private void ping(String hub, String feed, int attempt) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(feed, StandardCharsets.UTF_8);
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(hub))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return;
            }
            retry(hub, feed, attempt, "answered " + response.statusCode());
        } catch (java.io.IOException e) {
            retry(hub, feed, attempt, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(String hub, String feed, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            LOG.log(Level.WARNING, "WebSub hub {0} refused the ping for {1} {2} times, last: {3}", hub, feed, attempt, why);
            return;
        }
        long delaySeconds = 1L << (attempt - 1);
        executor.schedule(() -> ping(hub, feed, attempt + 1), delaySeconds, TimeUnit.SECONDS);
    }
}
