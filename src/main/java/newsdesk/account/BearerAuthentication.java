package newsdesk.account;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import newsdesk.platform.Unauthenticated;

/**
 * The API's authentication: {@code Authorization: Bearer <token>}. A request without the header stays
 * anonymous here (the desk's session cookie may still sign it in, newsdesk.session; the role check decides
 * whether anonymous is enough); a bad token is always 401.
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
        request.setSecurityContext(caller.securityContext(request.getSecurityContext().isSecure(), "Bearer"));
    }
}
