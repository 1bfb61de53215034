package newsdesk.language;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsdesk.platform.Anyone;
import newsdesk.platform.ETags;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** The site's languages: public to read, admins change them. */
@Path("/api/languages")
@Produces(MediaType.APPLICATION_JSON)
public class LanguageResource {

    @Inject
    LanguageService languages;

    @GET
    @Anyone
    public List<SiteLanguage> list() {
        return languages.list();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The language, changed")
    @APIResponse(responseCode = "201", description = "The language, added")
    public Response put(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid @NotNull PutLanguageRequest request) {
        Long expected = ifMatch == null ? null : ETags.expectedVersion(ifMatch);
        LanguageService.Saved saved = languages.put(code, expected, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .header(HttpHeaders.ETAG, ETags.of(saved.language().version()))
                .entity(saved.language()).build();
    }
}
