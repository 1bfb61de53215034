package newsdesk.glossary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import newsdesk.platform.ETags;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

/** The glossary (DESIGN §4.1): staff read it, editors and admins keep it. */
@Path("/api/glossary")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole({Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER})
@SecurityRequirement(name = "bearer")
public class GlossaryResource {

    @Inject
    GlossaryService glossary;

    @Context
    UriInfo uri;

    @GET
    public Page<Term> list(@QueryParam("pair") String pair, @QueryParam("q") String query,
                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return glossary.list(pair, query, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Term term = glossary.get(id);
        return Response.ok(term).header(HttpHeaders.ETAG, ETags.of(term.version())).build();
    }

    @POST
    @RequiresRole({Role.ADMIN, Role.EDITOR})
    public Response create(@Valid @NotNull TermRequest request) {
        Term term = glossary.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(term.id().toString()).build())
                .header(HttpHeaders.ETAG, ETags.of(term.version())).entity(term).build();
    }

    @PUT
    @Path("{id}")
    @RequiresRole({Role.ADMIN, Role.EDITOR})
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull TermRequest request) {
        Term term = glossary.update(id, ifMatch == null ? null : ETags.expectedVersion(ifMatch), request);
        return Response.ok(term).header(HttpHeaders.ETAG, ETags.of(term.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresRole({Role.ADMIN, Role.EDITOR})
    public void delete(@PathParam("id") UUID id) {
        glossary.delete(id);
    }
}
