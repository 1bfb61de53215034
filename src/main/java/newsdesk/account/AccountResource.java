package newsdesk.account;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import newsdesk.platform.ETags;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

/** Admins manage accounts: who works on the desk, in which roles and languages. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@SecurityRequirement(name = "bearer")
public class AccountResource {

    @Inject
    AccountService accounts;

    @Context
    SecurityContext security;

    @POST
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateAccountRequest request) {
        AccountService.Created created = accounts.create(Caller.of(security), request, idempotencyKey);
        Account account = created.account();
        return Response.created(UriBuilder.fromPath("/api/accounts/{id}").build(account.id()))
                .header(HttpHeaders.ETAG, ETags.of(account.version()))
                .header("Idempotent-Replayed", created.replayed())
                .entity(account).build();
    }

    @GET
    public Page<Account> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return accounts.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Account account = accounts.get(id);
        return Response.ok(account).header(HttpHeaders.ETAG, ETags.of(account.version())).build();
    }

    /** If-Match must carry the ETag of the last read: 428 without it, 412 when stale (the UPDATE is guarded). */
    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateAccountRequest request) {
        Account account = accounts.update(id, ETags.expectedVersion(ifMatch), request);
        return Response.ok(account).header(HttpHeaders.ETAG, ETags.of(account.version())).build();
    }
}
