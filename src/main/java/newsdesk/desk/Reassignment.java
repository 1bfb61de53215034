package newsdesk.desk;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** POST /api/tasks/{id}/reassign: an editor gives the task to a named translator. */
public record Reassignment(@NotNull UUID translatorId) {
}
