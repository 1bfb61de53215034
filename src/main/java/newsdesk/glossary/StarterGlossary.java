package newsdesk.glossary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Loads the starter glossary (config/glossary.json, in the WAR as META-INF/glossary.json) at the first
 * start, when the glossary is empty; afterwards editors own it. Several instances starting at once insert
 * each term once (the pair's term is unique).
 */
@ApplicationScoped
public class StarterGlossary {

    private static final System.Logger LOG = System.getLogger(StarterGlossary.class.getName());

    @Inject
    GlossaryRepository glossary;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.glossary.starter", defaultValue = "true")
    boolean load;

    void loadOnFirstStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!load || glossary.any()) {
            return;
        }
        List<TermRequest> terms = read();
        terms.forEach(term -> glossary.insertIfAbsent(UUID.randomUUID(), term.normalized(), clock.instant()));
        LOG.log(System.Logger.Level.INFO, "Loaded the starter glossary: {0} terms", terms.size());
    }

    private static List<TermRequest> read() {
        try (InputStream in = StarterGlossary.class.getResourceAsStream("/META-INF/glossary.json");
             Jsonb json = JsonbBuilder.create()) {
            if (in == null) {
                throw new IllegalStateException("META-INF/glossary.json is missing from the WAR");
            }
            return List.of(json.fromJson(in, TermRequest[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The starter glossary cannot be read: " + e.getMessage(), e);
        }
    }
}
