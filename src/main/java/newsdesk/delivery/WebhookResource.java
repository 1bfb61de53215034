package newsdesk.delivery;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import newsdesk.account.Caller;
import newsdesk.platform.ETags;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

/** Admins manage webhook subscriptions and read each one's delivery log. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Context
    SecurityContext security;

    /** 201 with the signing secret ({@code secret}, whsec_…): the only answer that shows it. */
    @POST
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateWebhookRequest request) {
        WebhookService.Created created = webhooks.create(Caller.of(security), request, idempotencyKey);
        Webhook webhook = created.webhook();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(UriBuilder.fromPath("/api/webhooks/{id}").build(webhook.id()))
                .header(HttpHeaders.ETAG, ETags.of(webhook.version()))
                .header("Idempotent-Replayed", created.replayed())
                .cacheControl(noStore)
                .entity(webhook).build();
    }

    @GET
    public Page<Webhook> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return webhooks.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Webhook webhook = webhooks.get(id);
        return Response.ok(webhook).header(HttpHeaders.ETAG, ETags.of(webhook.version())).build();
    }

    /** If-Match must carry the ETag of the last read: 428 without it, 412 when stale. */
    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateWebhookRequest request) {
        Webhook webhook = webhooks.update(id, ETags.expectedVersion(ifMatch), request);
        return Response.ok(webhook).header(HttpHeaders.ETAG, ETags.of(webhook.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** The delivery log, newest first: each delivery's webhook-id, type, state and every attempt. */
    @GET
    @Path("{id}/deliveries")
    public Page<WebhookDelivery> deliveries(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(id, PageRequest.of(limit, cursor));
    }
}
