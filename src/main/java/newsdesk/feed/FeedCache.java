package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.NewsroomMetrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered feeds in memory, each tagged with the publication-change sequence it was rendered at. A
 * request compares that with the database's newest change (one indexed read), so a publication on any
 * instance is visible in the very next request everywhere, and a feed is rendered once per change.
 */
@ApplicationScoped
public class FeedCache {

    private record Cached(long sequence, long period, RenderedFeed feed) {
    }

    private final Map<String, Cached> feeds = new ConcurrentHashMap<>();

    @Inject
    FeedRepository repository;

    @Inject
    NewsroomMetrics metrics;

    RenderedFeed get(String key, Supplier<RenderedFeed> render) {
        return get(key, 0, render);
    }

    /** For documents that also change with time: {@code period} (say, the hour) must match too. */
    RenderedFeed get(String key, long period, Supplier<RenderedFeed> render) {
        long sequence = repository.latestChange();
        String format = format(key);
        Cached cached = feeds.get(key);
        if (fresh(cached, sequence, period)) {
            metrics.feedServedFromCache(format);
            return cached.feed();
        }
        // One render per key and change, even when many readers arrive at once.
        return feeds.compute(key, (k, current) -> {
            if (fresh(current, sequence, period)) {
                metrics.feedServedFromCache(format);
                return current;
            }
            Cached rendered = new Cached(sequence, period, render.get());
            metrics.feedRendered(format);
            return rendered;
        }).feed();
    }

    /** The metrics' label: the key's first part ("ATOM|uk|news" → "atom", "sitemap|news" → "sitemap"). */
    private static String format(String key) {
        int end = key.indexOf('|');
        return (end < 0 ? key : key.substring(0, end)).toLowerCase(Locale.ROOT);
    }

    private static boolean fresh(Cached cached, long sequence, long period) {
        return cached != null && cached.sequence() >= sequence && cached.period() == period;
    }
}
