package newsdesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The site's rendered documents in memory, tagged with the publication version they were rendered at (the
 * counter every publication change bumps, as the feeds' cache does): one indexed read per request, one render
 * per document and change. Keys come from readers (cursors, tags), so the number kept is bounded; entries of
 * an older version are dropped first, and past the bound a document is rendered without being kept.
 */
@ApplicationScoped
public class RenderedPages {

    private record Cached<T>(long version, T document) {
    }

    private final Map<String, Cached<?>> documents = new ConcurrentHashMap<>();

    @Inject
    PublicArticleRepository repository;

    @Inject
    @ConfigProperty(name = "newsdesk.site.cache.entries", defaultValue = "2000")
    int maxEntries;

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> render) {
        long version = repository.publicationVersion();
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
