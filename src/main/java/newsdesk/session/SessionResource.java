package newsdesk.session;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.account.Caller;
import newsdesk.account.ClientAddresses;
import newsdesk.platform.Anyone;
import newsdesk.platform.SignedIn;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Optional;

/** Signing in to the desk in a browser, the session's CSRF token and language, and signing out. */
@Path("/api/desk/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    ClientAddresses clients;

    @POST
    @Anyone
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Signed in: the session (with its CSRF token); the cookie in Set-Cookie")
    public Response signIn(@Context HttpServletRequest connection, @Valid @NotNull SignInRequest request) {
        String client = clients.of(connection.getRemoteAddr(), connection.getHeader("X-Forwarded-For"));
        SessionService.Started started = sessions.signIn(request, client);
        return Response.status(Response.Status.CREATED).entity(started.session()).cacheControl(noStore())
                .header(HttpHeaders.SET_COOKIE, cookie(started.secret(), overHttps(connection), -1)).build();
    }

    @GET
    @SignedIn
    public Response current(@Context SecurityContext security, @CookieParam(SessionAuthentication.COOKIE) String secret) {
        return Response.ok(sessions.describe(Caller.of(security), sessionSecret(security, secret)))
                .cacheControl(noStore()).build();
    }

    @PUT
    @Path("language")
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    public Response language(@Context SecurityContext security, @CookieParam(SessionAuthentication.COOKIE) String secret,
                             @Valid @NotNull LanguageChoice choice) {
        return Response.ok(sessions.chooseLanguage(Caller.of(security), choice, sessionSecret(security, secret)))
                .cacheControl(noStore()).build();
    }

    @DELETE
    @SignedIn
    public Response signOut(@Context SecurityContext security, @Context HttpServletRequest connection) {
        sessions.signOut(Caller.of(security));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", overHttps(connection), 0)).build();
    }

    private boolean overHttps(HttpServletRequest connection) {
        return clients.overHttps(connection.getRemoteAddr(), connection.isSecure(), connection.getHeader("X-Forwarded-Proto"));
    }

    /** The cookie's secret only when the cookie is what signed the request in (not a bearer token). */
    private static Optional<String> sessionSecret(SecurityContext security, String secret) {
        return "Session".equals(security.getAuthenticationScheme()) ? Optional.ofNullable(secret) : Optional.empty();
    }

    /**
     * HttpOnly (scripts never see the secret), SameSite=Strict (other sites' pages don't send it), Secure
     * when the browser reached us over https (directly or through a trusted proxy), for the whole site (the page calls /api); no Max-Age: it ends with the browser.
     */
    private static String cookie(String value, boolean secure, int maxAge) {
        return SessionAuthentication.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
