package newsdesk.language;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.outbox.Outbox;
import newsdesk.platform.ETags;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.PreconditionFailed;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Site languages: the list, an admin's changes, and the first-start seed from NEWSDESK_LANGUAGES. */
@ApplicationScoped
public class LanguageService {

    private static final Pattern BCP47 = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    @Inject
    LanguageRepository languages;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "newsdesk.languages", defaultValue = "uk,ru,en")
    List<String> initialLanguages;

    /** The result of a PUT: the language and whether it was new. */
    public record Saved(SiteLanguage language, boolean created) {
    }

    public List<SiteLanguage> list() {
        return languages.all();
    }

    public boolean isEnabled(String code) {
        return languages.find(code).map(SiteLanguage::enabled).orElse(false);
    }

    /** Every code the site knows, enabled or not. */
    public Set<String> codes() {
        return languages.all().stream().map(SiteLanguage::code).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Creates the language, or changes it when it exists; changing needs the version the admin read
     * (428 without it, 412 when stale). 422 for a code that is not a BCP 47 language tag.
     */
    @InTransaction
    public Saved put(String code, Long expectedVersion, PutLanguageRequest request) {
        checkCode(code);
        boolean enabled = request.enabled() == null || request.enabled();
        String name = request.name().strip();
        var existing = languages.find(code);
        // Feeds name and serve languages: tell their caches (the same signal a publication gives).
        outbox.readersSeeChange();
        if (existing.isEmpty() && languages.insertIfAbsent(code, name, enabled, clock.instant())) {
            return new Saved(languages.find(code).orElseThrow(), true);
        }
        if (expectedVersion == null) {
            throw PreconditionFailed.missing();
        }
        if (!languages.update(code, expectedVersion, name, enabled, clock.instant())) {
            throw PreconditionFailed.stale(ETags.of(languages.find(code).orElseThrow().version()));
        }
        return new Saved(languages.find(code).orElseThrow(), false);
    }

    void seedOnFirstStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (languages.any()) {
            return;
        }
        for (String code : initialLanguages) {
            String tag = code.strip();
            checkCode(tag);
            languages.insertIfAbsent(tag, nativeName(tag), true, clock.instant());
        }
    }

    static void checkCode(String code) {
        if (!BCP47.matcher(code).matches()) {
            throw Invalid.field("code", code + " is not a BCP 47 language tag like uk, ru, en or pt-BR");
        }
        String primary = code.split("-")[0];
        if (primary.length() == 2 && !ISO_639_1.contains(primary)) {
            throw Invalid.field("code", primary + " is not an ISO 639 language code"
                    + ("ua".equals(primary) ? " (ua is Ukraine, the country; Ukrainian is uk)" : ""));
        }
    }

    /** "uk" → "Українська": the language's name in itself. */
    static String nativeName(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
