package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    RenderedFeed get(String key, Supplier<RenderedFeed> render) {
        return get(key, 0, render);
    }

    /** For documents that also change with time: {@code period} (say, the hour) must match too. */
    RenderedFeed get(String key, long period, Supplier<RenderedFeed> render) {
        long sequence = repository.latestChange();
        Cached cached = feeds.get(key);
        if (fresh(cached, sequence, period)) {
            return cached.feed();
        }
        // One render per key and change, even when many readers arrive at once.
        return feeds.compute(key, (k, current) -> fresh(current, sequence, period) ? current
                : new Cached(sequence, period, render.get())).feed();
    }

    private static boolean fresh(Cached cached, long sequence, long period) {
        return cached != null && cached.sequence() >= sequence && cached.period() == period;
    }
}
