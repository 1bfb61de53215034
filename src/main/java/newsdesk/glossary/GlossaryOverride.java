package newsdesk.glossary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * POST /api/tasks/{id}/glossary-overrides: a reviewer lets one hit stand on this task, with a reason:
 * the term and the form found (as the 422 named them), or no {@code found} to let the term be left out.
 */
public record GlossaryOverride(@NotNull UUID termId, @Size(max = 200) String found,
                               @NotBlank @Size(max = 2000) String reason) {
}
