package newsdesk.desk;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.account.Caller;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

/** Editors ask for translations of a story: one task per language. */
@Path("/api/articles/{id}/translations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TranslationRequestResource {

    @Inject
    TranslationRequests requests;

    @Context
    SecurityContext security;

    @POST
    @RequiresRole(Role.EDITOR)
    public Response request(@PathParam("id") UUID articleId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                            @Valid @NotNull RequestTranslations request) {
        TranslationRequests.Requested requested = requests.request(Caller.of(security), articleId, request, idempotencyKey);
        return Response.status(Response.Status.CREATED).header("Idempotent-Replayed", requested.replayed())
                .entity(requested.tasks()).build();
    }
}
