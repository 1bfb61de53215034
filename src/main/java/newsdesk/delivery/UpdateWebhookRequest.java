package newsdesk.delivery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** PATCH /api/webhooks/{id}: only the members present change; {@code enabled: true} re-enables a disabled subscription. */
public record UpdateWebhookRequest(
        @Size(min = 1, max = 2000) String url,
        @Size(min = 1, max = 20) List<@NotNull String> eventTypes,
        @Size(max = 100) List<@NotNull String> languages,
        Boolean enabled) {
}
