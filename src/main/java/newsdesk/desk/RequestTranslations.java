package newsdesk.desk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** POST /api/articles/{id}/translations: one task per language, pinned to the source's current revision. */
public record RequestTranslations(
        @NotEmpty @Size(max = 50) List<@NotNull String> languages,
        Instant dueAt,
        @Min(-100) @Max(100) Integer priority,
        @Size(max = 2000) String note) {
}
