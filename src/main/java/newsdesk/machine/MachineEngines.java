package newsdesk.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which engine translates which language pair ({@code newsdesk.mt.engines}, e.g.
 * {@code uk-ru:apertium,ru-uk:apertium,uk-en:libretranslate}); pairs not listed get no machine pre-fill, and
 * an empty setting (the default) turns it off. An unknown engine, or libretranslate without a URL, stops the start.
 */
@ApplicationScoped
public class MachineEngines {

    private final Map<String, Engine> byPair;
    private final Duration timeout;

    @Inject
    MachineEngines(@ConfigProperty(name = "newsdesk.mt.engines") Optional<String> setting,
                   @ConfigProperty(name = "newsdesk.mt.apertium.command", defaultValue = "apertium") String apertium,
                   @ConfigProperty(name = "newsdesk.mt.libretranslate.url") Optional<String> libreTranslateUrl,
                   @ConfigProperty(name = "newsdesk.mt.libretranslate.api.key") Optional<String> libreTranslateKey,
                   @ConfigProperty(name = "newsdesk.mt.segment.timeout.millis", defaultValue = "15000")
                   long timeoutMillis) {
        this.byPair = parse(setting.orElse(""), apertium, libreTranslateUrl.filter(url -> !url.isBlank()),
                libreTranslateKey.orElse(""));
        this.timeout = Duration.ofMillis(timeoutMillis);
    }

    /** For CDI's proxy only. */
    MachineEngines() {
        byPair = Map.of();
        timeout = Duration.ZERO;
    }

    /** Observing the start makes CDI build this bean then, so a wrong setting stops the deployment. */
    void checkOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor has read the settings
    }

    Optional<Engine> forPair(String from, String to) {
        return Optional.ofNullable(byPair.get(key(from, to)));
    }

    /** The configured pairs as "from-to". */
    List<String> pairs() {
        return List.copyOf(byPair.keySet());
    }

    boolean configured() {
        return !byPair.isEmpty();
    }

    /** How long one segment may take before its engine is stopped. */
    Duration timeout() {
        return timeout;
    }

    static Map<String, Engine> parse(String setting, String apertiumCommand, Optional<String> libreTranslateUrl,
                                     String libreTranslateKey) {
        Map<String, Engine> engines = new HashMap<>();
        Map<String, Engine> parsed = new HashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", -1);
            String[] pair = parts[0].split("-", -1);
            if (parts.length != 2 || pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException("newsdesk.mt.engines: \"" + entry.strip()
                        + "\" is not from-to:engine, e.g. ru-uk:apertium");
            }
            String name = parts[1].strip().toLowerCase(Locale.ROOT);
            Engine engine = engines.computeIfAbsent(name, n -> switch (n) {
                case "apertium" -> new ApertiumEngine(apertiumCommand);
                case "libretranslate" -> new LibreTranslateEngine(libreTranslateUrl.orElseThrow(() ->
                        new IllegalArgumentException("newsdesk.mt.engines names libretranslate, but"
                                + " newsdesk.mt.libretranslate.url is empty")), libreTranslateKey);
                default -> throw new IllegalArgumentException("newsdesk.mt.engines: unknown engine \"" + n
                        + "\" (apertium or libretranslate)");
            });
            if (engine instanceof ApertiumEngine) {
                try {
                    ApertiumEngine.mode(pair[0].strip(), pair[1].strip());
                } catch (java.util.MissingResourceException e) {
                    throw new IllegalArgumentException("newsdesk.mt.engines: \"" + entry.strip()
                            + "\" has a language without an ISO 639-3 code for Apertium's mode names", e);
                }
            }
            parsed.put(key(pair[0], pair[1]), engine);
        }
        return Map.copyOf(parsed);
    }

    private static String key(String from, String to) {
        return from.strip().toLowerCase(Locale.ROOT) + "-" + to.strip().toLowerCase(Locale.ROOT);
    }
}
