package newsdesk.delivery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** POST /api/webhooks: where to send (http or https), which event types, and optionally only some languages (none: all). */
public record CreateWebhookRequest(
        @NotNull @Size(min = 1, max = 2000) String url,
        @NotNull @Size(min = 1, max = 20) List<@NotNull String> eventTypes,
        @Size(max = 100) List<@NotNull String> languages) {
}
