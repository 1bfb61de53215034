package newsdesk.language;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** PUT /api/languages/{code}: its name and whether the site publishes in it; enabled defaults to true. */
public record PutLanguageRequest(@NotBlank @Size(max = 100) String name, Boolean enabled) {
}
