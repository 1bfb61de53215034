package newsdesk.memory;

import newsdesk.platform.Invalid;

import java.util.Set;

/**
 * A memory's language pair as the API names it, {@code uk-en}: source and target site languages joined
 * by a hyphen. Language codes may hold hyphens themselves, so the split is the one where both sides are
 * site languages.
 */
record LanguagePair(String source, String target) {

    static LanguagePair parse(String pair, Set<String> siteLanguages) {
        if (pair == null || pair.isBlank()) {
            throw Invalid.field("pair", "name the language pair, source and target joined by '-', e.g. uk-en");
        }
        for (int at = pair.indexOf('-'); at > 0; at = pair.indexOf('-', at + 1)) {
            String source = pair.substring(0, at);
            String target = pair.substring(at + 1);
            if (siteLanguages.contains(source) && siteLanguages.contains(target) && !source.equals(target)) {
                return new LanguagePair(source, target);
            }
        }
        throw Invalid.field("pair", "not two different site languages joined by '-', e.g. uk-en");
    }

    @Override
    public String toString() {
        return source + "-" + target;
    }
}
