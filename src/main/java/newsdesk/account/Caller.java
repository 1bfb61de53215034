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

    /** This caller as a request's security context (the bearer header or the desk's session cookie). */
    public SecurityContext securityContext(boolean secure, String scheme) {
        Caller caller = this;
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Role.parse(role).map(caller::has).orElse(false);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return scheme;
            }
        };
    }

    /** The caller of a request that passed the role check (so it is signed in). */
    public static Caller of(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
