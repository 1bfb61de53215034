package newsdesk.session;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import newsdesk.account.Caller;
import newsdesk.platform.Forbidden;

import java.util.Set;

/**
 * The desk's session cookie as an alternative to the bearer header (which wins when both are sent). A
 * cookie that is unknown, expired or idle too long leaves the request anonymous. Every unsafe method
 * signed in by the cookie must carry the session's {@code X-CSRF-Token}, or it is refused with 403
 * before the resource runs: the browser attaches the cookie to any request, the header only our page can set.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10) // after BearerAuthentication
public class SessionAuthentication implements ContainerRequestFilter {

    static final String COOKIE = "nd_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    SessionService sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getSecurityContext().getUserPrincipal() instanceof Caller
                || isSignIn(request)) {
            return;
        }
        String secret = cookie.getValue();
        sessions.authenticate(secret).ifPresent(caller -> {
            if (!SAFE.contains(request.getMethod())
                    && !SessionService.csrfMatches(secret, request.getHeaderString(CSRF_HEADER))) {
                throw new Forbidden("A write signed in by the desk's session cookie needs its " + CSRF_HEADER
                        + " header (GET /api/desk/session gives it)");
            }
            request.setSecurityContext(caller.securityContext(request.getSecurityContext().isSecure(), "Session"));
        });
    }

    /** Signing in again replaces the session, whatever cookie the browser still holds. */
    private static boolean isSignIn(ContainerRequestContext request) {
        return HttpMethod.POST.equals(request.getMethod())
                && "api/desk/session".equals(request.getUriInfo().getPath().replaceFirst("^/", "").replaceFirst("/$", ""));
    }
}
