package newsdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * PUT …/editions/{lang}: new text, saved as a new revision. On a published edition this is a correction;
 * {@code change} says whether it is major (the default: translations become outdated) or minor (a typo).
 */
public record SaveEditionRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Size(max = 2000) String summary,
        @NotNull @Size(max = 500_000) String body,
        @Size(max = 500) String note,
        @Pattern(regexp = "major|minor", message = "must be major or minor") String change) {

    public boolean isMinor() {
        return "minor".equals(change);
    }
}
