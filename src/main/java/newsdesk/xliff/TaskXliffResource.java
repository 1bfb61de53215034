package newsdesk.xliff;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.account.Caller;
import newsdesk.platform.ETags;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.Set;
import java.util.UUID;

/** One task as an XLIFF file for CAT tools: export (holder, reviewer, editor) and import into the draft (holder). */
@Path("/api/tasks/{id}/xliff")
@RequiresRole({Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER})
@SecurityRequirement(name = "bearer")
public class TaskXliffResource {

    static final String XLIFF = "application/xliff+xml";
    private static final Set<String> XML_TYPES = Set.of(XLIFF, MediaType.APPLICATION_XML, MediaType.TEXT_XML);

    @Inject
    XliffService xliff;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(XLIFF)
    public Response export(@PathParam("id") UUID id, @QueryParam("version") String version) {
        XliffVersion format = XliffVersion.of(version);
        return Response.ok(xliff.export(Caller.of(security), id, format), XLIFF + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"task-" + id + ".xlf\"").build();
    }

    @PUT
    @RequiresRole(Role.TRANSLATOR)
    // Any type reaches the method, so the role check answers before the media type is judged (403 before 415).
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, description = "The task's XLIFF 1.2 or 2.1 file as exported, targets translated",
            content = {@Content(mediaType = XLIFF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response upload(@PathParam("id") UUID id, byte[] file) {
        requireXml(headers.getMediaType());
        XliffImport imported = xliff.importFile(Caller.of(security), id, file);
        return Response.ok(imported).header(HttpHeaders.ETAG, ETags.of(imported.task().version())).build();
    }

    static void requireXml(MediaType type) {
        if (type == null || !XML_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            throw new NewsdeskException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the XLIFF file as " + XLIFF + " or " + MediaType.APPLICATION_XML);
        }
    }
}
