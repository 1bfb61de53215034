package newsdesk.account;

import jakarta.ws.rs.core.SecurityContext;
import newsdesk.platform.Role;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The authenticated account behind a request, and the token it used. */
public record Caller(UUID accountId, String username, Set<Role> roles, List<String> languages, UUID tokenId)
        implements Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of a request that passed the role check (so it is signed in). */
    public static Caller of(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
