package newsdesk.language;

import jakarta.json.bind.annotation.JsonbTransient;

/** A language the site publishes in. */
public record SiteLanguage(String code, String name, boolean enabled, @JsonbTransient long version) {
}
