package newsdesk.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.platform.SignedIn;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who am I: the signed-in account with its roles and working languages. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    AccountService accounts;

    @GET
    @SignedIn
    public Account me(@Context SecurityContext security) {
        return accounts.get(Caller.of(security).accountId());
    }
}
