package newsdesk.xliff;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.account.Caller;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** Several tasks as one zip of XLIFF files: export (each task as alone) and import (claim holder, all or nothing). */
@Path("/api/tasks/xliff")
@RequiresRole({Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER})
@SecurityRequirement(name = "bearer")
public class TaskXliffZipResource {

    static final String ZIP = "application/zip";

    @Inject
    XliffBundles bundles;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(ZIP)
    public Response export(@QueryParam("ids") String ids, @QueryParam("version") String version) {
        XliffVersion format = XliffVersion.of(version);
        return Response.ok(bundles.export(Caller.of(security), ids, format), ZIP)
                .header("Content-Disposition", "attachment; filename=\"tasks-xliff.zip\"").build();
    }

    @PUT
    @RequiresRole(Role.TRANSLATOR)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, description = "A zip of the tasks' XLIFF files (.xlf, .xliff or .xml)",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public List<XliffImport> upload(byte[] zip) {
        MediaType type = headers.getMediaType();
        if (type == null || !ZIP.equals(type.getType() + "/" + type.getSubtype())) {
            throw new NewsdeskException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the zip as " + ZIP);
        }
        return bundles.importZip(Caller.of(security), zip);
    }
}
