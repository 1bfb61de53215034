package newsdesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.feed.FeedCache;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The site's rendered documents in memory, tagged with the readers' version they were rendered at (the
 * feeds' cache's count of changes readers see, {@link FeedCache#readersVersion()}, kept in step with the
 * publication version by the same signals and within the same staleness bound): no database read per
 * request, one render per document and change. Keys come from readers (cursors, tags), so the number kept is bounded; entries of
 * an older version are dropped first, and past the bound a document is rendered without being kept.
 */
@ApplicationScoped
public class RenderedPages {

    private record Cached<T>(long version, T document) {
    }

    private final Map<String, Cached<?>> documents = new ConcurrentHashMap<>();

    @Inject
    FeedCache changes;

    @Inject
    @ConfigProperty(name = "newsdesk.site.cache.entries", defaultValue = "2000")
    int maxEntries;

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> render) {
        // Read before rendering: a change that commits while this renders makes it stale at once.
        long version = changes.readersVersion();
        Cached<?> cached = documents.get(key);
        if (cached != null && cached.version() >= version) {
            return (T) cached.document();
        }
        if (cached == null && documents.size() >= maxEntries) {
            documents.values().removeIf(stale -> stale.version() < version);
            if (documents.size() >= maxEntries) {
                return render.get();
            }
        }
        // One render per key and change, even when many readers arrive at once.
        return (T) documents.compute(key, (k, current) -> current != null && current.version() >= version ? current
                : new Cached<>(version, render.get())).document();
    }
}
