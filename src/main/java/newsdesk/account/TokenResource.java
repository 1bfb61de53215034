package newsdesk.account;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.platform.Anyone;
import newsdesk.platform.SignedIn;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Signing in and out with bearer tokens. */
@Path("/api/auth/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;

    @Inject
    ClientAddresses clients;

    @POST
    @Anyone
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@Context HttpServletRequest connection, @Valid @NotNull LoginRequest request) {
        String client = clients.of(connection.getRemoteAddr(), connection.getHeader("X-Forwarded-For"));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).entity(tokens.issue(request, client)).cacheControl(noStore).build();
    }

    @DELETE
    @Path("current")
    @SignedIn
    @SecurityRequirement(name = "bearer")
    public Response signOut(@Context SecurityContext security) {
        tokens.revoke(Caller.of(security));
        return Response.noContent().build();
    }
}
