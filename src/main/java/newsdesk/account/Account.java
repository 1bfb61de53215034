package newsdesk.account;

import jakarta.json.bind.annotation.JsonbTransient;
import newsdesk.platform.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A person on the desk, as the API shows it (never with the password hash). */
public record Account(UUID id, String username, String displayName, Set<Role> roles, List<String> languages,
                      boolean active, Instant createdAt, Instant updatedAt, @JsonbTransient long version) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
