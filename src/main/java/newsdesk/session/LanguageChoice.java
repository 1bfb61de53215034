package newsdesk.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** PUT /api/desk/session/language: the desk speaks Ukrainian, Russian or English. */
public record LanguageChoice(@NotNull @Pattern(regexp = "uk|ru|en", message = "must be uk, ru or en") String language) {
}
