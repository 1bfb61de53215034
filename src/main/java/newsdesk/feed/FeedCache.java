package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.outbox.ReadersChanged;
import newsdesk.platform.NewsroomMetrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered feeds in memory, the authority while nothing changes: a request asks no database. Each document
 * is stamped with its language's change count when its rendering began; a change in that language (heard
 * from this instance's own commits at once, from other instances through {@link ReadersListener}) moves the
 * count, and the next request renders afresh. A feed is rendered once per change, not once per request.
 */
@ApplicationScoped
public class FeedCache {

    /** {@code format}: the metrics' label, worked out once per render rather than per request. */
    private record Cached(long stamp, long period, RenderedFeed feed, String format) {
    }

    private final Map<String, Cached> feeds = new ConcurrentHashMap<>();
    /** Counts only for languages a change named: requests for unknown languages add nothing here. */
    private final Map<String, AtomicLong> changesPerLanguage = new ConcurrentHashMap<>();
    private final AtomicLong anyChange = new AtomicLong();
    private final AtomicLong everything = new AtomicLong();

    @Inject
    NewsroomMetrics metrics;

    /** For documents of all languages (sitemaps): any change renders them again. */
    RenderedFeed get(String key, Supplier<RenderedFeed> render) {
        return get(key, null, 0, render);
    }

    /**
     * The document of one language (null: of all languages); {@code period} (say, the month) must match
     * too, for documents that also change with time.
     */
    RenderedFeed get(String key, String language, long period, Supplier<RenderedFeed> render) {
        Cached cached = feeds.get(key);
        if (fresh(cached, stamp(language), period)) {
            metrics.feedServedFromCache(cached.format());
            return cached.feed();
        }
        // One render per key and change, even when many readers arrive at once.
        return feeds.compute(key, (k, current) -> {
            // Read before rendering: a change that commits while this renders makes it stale at once.
            long stamp = stamp(language);
            if (fresh(current, stamp, period)) {
                metrics.feedServedFromCache(current.format());
                return current;
            }
            Cached rendered = new Cached(stamp, period, render.get(), format(key));
            metrics.feedRendered(rendered.format());
            return rendered;
        }).feed();
    }

    void onChange(@Observes ReadersChanged changed) {
        if (changed.everything()) {
            invalidateAll();
            return;
        }
        changed.languages().forEach(language ->
                changesPerLanguage.computeIfAbsent(language, l -> new AtomicLong()).incrementAndGet());
        anyChange.incrementAndGet();
    }

    /** When changes may have been missed (the listening connection was down): every document renders again. */
    void invalidateAll() {
        everything.incrementAndGet();
    }

    /**
     * Moves with every change readers see, in any language (this instance's commits at once, other instances'
     * through {@link ReadersListener}, all when it stopped listening): the in-memory stand-in for the database's
     * publication version, for the other caches of what readers see. Only grows.
     */
    public long readersVersion() {
        return stamp(null);
    }

    /** Both counts only grow, so their sum moves whenever either does. */
    private long stamp(String language) {
        AtomicLong changes = language == null ? anyChange : changesPerLanguage.get(language);
        return everything.get() + (changes == null ? 0 : changes.get());
    }

    /** The metrics' label: the key's first part ("ATOM|uk|news" → "atom", "sitemap|news" → "sitemap"). */
    private static String format(String key) {
        int end = key.indexOf('|');
        return (end < 0 ? key : key.substring(0, end)).toLowerCase(Locale.ROOT);
    }

    private static boolean fresh(Cached cached, long stamp, long period) {
        return cached != null && cached.stamp() == stamp && cached.period() == period;
    }
}
