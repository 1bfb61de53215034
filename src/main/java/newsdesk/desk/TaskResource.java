package newsdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.SecurityContext;
import newsdesk.account.Caller;
import newsdesk.article.RevisionDiff;
import newsdesk.glossary.GlossaryOverride;
import newsdesk.platform.ETags;
import newsdesk.platform.Invalid;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import newsdesk.workflow.TaskState;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The translation desk: translators claim and work, reviewers judge, editors steer. One shared instance (not one
 * per request: claim-next is the desk's hottest call); the security context is the container's per-request proxy.
 */
@Path("/api/tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole({Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER})
@SecurityRequirement(name = "bearer")
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    ClaimService claims;

    @Inject
    ReviewService reviews;

    @Context
    SecurityContext security;

    @GET
    public Page<TaskView> list(@QueryParam("state") String state, @QueryParam("language") String language,
                               @QueryParam("mine") boolean mine, @QueryParam("limit") Integer limit,
                               @QueryParam("cursor") String cursor) {
        return tasks.list(caller(), state(state), language == null || language.isBlank() ? null : language.strip(), mine,
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return withETag(tasks.read(caller(), id));
    }

    @POST
    @Path("claim-next")
    @RequiresRole(Role.TRANSLATOR)
    @APIResponse(responseCode = "200", description = "The task the caller now holds")
    @APIResponse(responseCode = "204", description = "No open task in the caller's languages")
    public Response claimNext(ClaimNext request) {
        return claims.claimNext(caller(), request == null ? null : request.language())
                .map(TaskResource::withETag)
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("{id}/claim")
    @RequiresRole(Role.TRANSLATOR)
    public Response claim(@PathParam("id") UUID id) {
        return withETag(claims.claim(caller(), id));
    }

    @POST
    @Path("{id}/release")
    @RequiresRole(Role.TRANSLATOR)
    public Response release(@PathParam("id") UUID id) {
        return withETag(claims.release(caller(), id));
    }

    @PUT
    @Path("{id}/draft")
    @RequiresRole(Role.TRANSLATOR)
    public Response saveDraft(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull TranslationWork work) {
        return withETag(claims.saveDraft(caller(), id, ETags.expectedVersion(ifMatch), work));
    }

    @POST
    @Path("{id}/submit")
    @RequiresRole(Role.TRANSLATOR)
    public Response submit(@PathParam("id") UUID id, @Valid @NotNull TranslationWork work) {
        return withETag(claims.submit(caller(), id, work));
    }

    @POST
    @Path("{id}/approve")
    @RequiresRole(Role.REVIEWER)
    public Response approve(@PathParam("id") UUID id, @Valid Verdict verdict) {
        if (verdict != null && verdict.block() != null) {
            throw newsdesk.platform.Invalid.field("block", "only a rejection's comment is anchored to a block");
        }
        return withETag(reviews.approve(caller(), id, verdict == null ? null : verdict.comment()));
    }

    @POST
    @Path("{id}/reject")
    @RequiresRole(Role.REVIEWER)
    public Response reject(@PathParam("id") UUID id, @Valid Verdict verdict) {
        return withETag(reviews.reject(caller(), id, verdict == null ? null : verdict.comment(),
                verdict == null ? null : verdict.block()));
    }

    @POST
    @Path("{id}/glossary-overrides")
    @RequiresRole(Role.REVIEWER)
    @APIResponse(responseCode = "200", description = "The task; its submissions no longer stop at this hit")
    public Response overrideGlossary(@PathParam("id") UUID id, @Valid @NotNull GlossaryOverride override) {
        return withETag(reviews.overrideGlossary(caller(), id, override));
    }

    @POST
    @Path("{id}/cancel")
    @RequiresRole(Role.EDITOR)
    public Response cancel(@PathParam("id") UUID id) {
        return withETag(tasks.cancel(caller(), id));
    }

    @POST
    @Path("{id}/reassign")
    @RequiresRole(Role.EDITOR)
    public Response reassign(@PathParam("id") UUID id, @Valid @NotNull Reassignment reassignment) {
        return withETag(tasks.reassign(caller(), id, reassignment.translatorId()));
    }

    @GET
    @Path("{id}/source-diff")
    public List<RevisionDiff.FieldDiff> sourceDiff(@PathParam("id") UUID id) {
        return tasks.sourceDiff(caller(), id);
    }

    @POST
    @Path("{id}/rebase")
    @RequiresRole(Role.TRANSLATOR)
    public Response rebase(@PathParam("id") UUID id) {
        return withETag(claims.rebase(caller(), id));
    }

    private Caller caller() {
        return Caller.of(security);
    }

    private static Response withETag(TaskView task) {
        return Response.ok(task).header(HttpHeaders.ETAG, ETags.of(task.version())).build();
    }

    private static TaskState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return TaskState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("state", "use one of " + List.of(TaskState.values()));
        }
    }
}
