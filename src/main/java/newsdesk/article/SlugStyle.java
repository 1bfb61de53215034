package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which transliteration each language's new slugs follow ({@code newsdesk.slug.transliteration}, e.g.
 * {@code uk:uk-2010,ru:bgn-pcgn}); languages not listed use ICU's Any-Latin. Slugs already stored never change.
 */
@ApplicationScoped
public class SlugStyle {

    private final Map<String, Transliteration> standards;

    @Inject
    SlugStyle(@ConfigProperty(name = "newsdesk.slug.transliteration", defaultValue = "uk:uk-2010,ru:bgn-pcgn")
              String setting) {
        standards = parse(setting);
    }

    /** For CDI's proxy only. */
    SlugStyle() {
        standards = Map.of();
    }

    /** A new slug for a title in that language (pt-BR falls back to pt's standard). */
    String of(String language, String title) {
        String tag = language.toLowerCase(Locale.ROOT);
        Transliteration standard = standards.getOrDefault(tag,
                standards.getOrDefault(tag.split("-")[0], Transliteration.ICU));
        return Slugs.of(title, standard);
    }

    /** Observing the start makes CDI build this bean then, so an unknown value stops the deployment. */
    void checkOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor has read the setting
    }

    static Map<String, Transliteration> parse(String setting) {
        Map<String, Transliteration> parsed = new HashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split(":", -1);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new IllegalArgumentException("newsdesk.slug.transliteration: \"" + entry.strip()
                        + "\" is not language:standard, e.g. uk:uk-2010");
            }
            try {
                parsed.put(pair[0].strip().toLowerCase(Locale.ROOT), Transliteration.of(pair[1].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsdesk.slug.transliteration: " + e.getMessage(), e);
            }
        }
        return Map.copyOf(parsed);
    }
}
