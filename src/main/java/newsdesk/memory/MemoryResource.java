package newsdesk.memory;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.Malformed;
import newsdesk.platform.NewsdeskException;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.UUID;

/** The translation memory for the staff: search (everyone on the desk); delete, TMX export and import (editors, admins). */
@Path("/api/memory")
@RequiresRole({Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER})
@SecurityRequirement(name = "bearer")
public class MemoryResource {

    static final String TMX = "application/x-tmx+xml";
    private static final Set<String> XML_TYPES = Set.of(TMX, MediaType.APPLICATION_XML, MediaType.TEXT_XML);

    @Inject
    MemoryService memory;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<MemoryEntry> list(@QueryParam("pair") String pair, @QueryParam("q") String q,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return memory.list(pair, q, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("{id}")
    @RequiresRole({Role.ADMIN, Role.EDITOR})
    public Response delete(@PathParam("id") UUID id) {
        memory.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("tmx")
    @RequiresRole({Role.ADMIN, Role.EDITOR})
    @Produces(TMX)
    public Response exportTmx(@QueryParam("pair") String pair) {
        LanguagePair languagePair = memory.pair(pair); // 422 while nothing is written yet
        // Streamed page by page as it is read: a memory of any size never sits whole in the heap.
        StreamingOutput file = out -> memory.exportTmx(languagePair, out);
        return Response.ok(file, TMX + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"memory-" + pair + ".tmx\"").build();
    }

    @PUT
    @Path("tmx")
    @RequiresRole({Role.ADMIN, Role.EDITOR})
    // Any type reaches the method, so the role check answers before the media type is judged (403 before 415).
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, description = "A TMX 1.4b file (1.1 to 1.4 are read)",
            content = {@Content(mediaType = TMX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public TmxImport importTmx(InputStream body) throws IOException {
        MediaType type = headers.getMediaType();
        if (type == null || !XML_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            throw new NewsdeskException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the TMX file as " + TMX + " or " + MediaType.APPLICATION_XML);
        }
        // Streamed, never buffered whole (platform/RequestSizeLimit bounds it by newsdesk.memory.tmx.max.bytes).
        BufferedInputStream file = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body, 1 << 16);
        file.mark(1);
        if (file.read() < 0) {
            throw new Malformed("The request has no TMX file");
        }
        file.reset();
        return memory.importTmx(file);
    }
}
