package newsdesk.delivery;

import jakarta.json.bind.annotation.JsonbTransient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as admins see it. {@code secret} (whsec_…) is present only in the answer to the
 * creating POST; {@code disabledReason} and {@code failingSince} tell why deliveries stopped or are failing.
 */
public record Webhook(UUID id, String url, List<String> eventTypes, List<String> languages, boolean enabled,
                      String disabledReason, Instant failingSince, Instant createdAt, Instant updatedAt,
                      String secret, @JsonbTransient long version) {

    Webhook withSecret(String shown) {
        return new Webhook(id, url, eventTypes, languages, enabled, disabledReason, failingSince, createdAt, updatedAt,
                shown, version);
    }
}
