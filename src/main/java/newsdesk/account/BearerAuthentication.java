package newsdesk.account;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import newsdesk.platform.Role;
import newsdesk.platform.Unauthenticated;

import java.security.Principal;

/**
 * The one authentication mechanism: {@code Authorization: Bearer <token>}. A request without the header
 * stays anonymous (the role check decides whether that is enough); a bad token is always 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    TokenService tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.length() == SCHEME.length()) {
            throw new Unauthenticated("Send Authorization: Bearer <token>");
        }
        Caller caller = tokens.authenticate(header.substring(SCHEME.length()).trim());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
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
                return "Bearer";
            }
        });
    }
}
