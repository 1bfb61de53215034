package newsdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import newsdesk.platform.ETags;
import newsdesk.platform.Invalid;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.RequiresRole;
import newsdesk.platform.Role;
import newsdesk.workflow.ArticleState;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Stories and their editions: editors write and publish, all staff read. One shared instance (not one per
 * request: building and injecting it cost create, save and publish each about a tenth of their time); the
 * security context is the container's per-request proxy.
 */
@Path("/api/articles")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole({Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.REVIEWER})
@SecurityRequirement(name = "bearer")
public class ArticleResource {

    @Inject
    ArticleService articles;

    @Inject
    EditionService editionTexts;

    @Inject
    PublicationService publications;

    @Context
    SecurityContext security;

    @POST
    @RequiresRole(Role.EDITOR)
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull CreateArticleRequest request) {
        Caller caller = Caller.of(security);
        ArticleService.Created created = articles.createAtOnce(caller, request, idempotencyKey)
                .orElseGet(() -> articles.create(caller, request, idempotencyKey));
        Article article = created.article();
        // An id needs no escaping: no URI template to parse on every create.
        return Response.created(URI.create("/api/articles/" + article.id()))
                .header(HttpHeaders.ETAG, ETags.of(article.version()))
                .header("Idempotent-Replayed", created.replayed())
                .entity(article).build();
    }

    @GET
    public Page<Article> list(@QueryParam("state") String state, @QueryParam("language") String language,
                              @QueryParam("section") String section, @QueryParam("tag") String tag,
                              @QueryParam("q") String text, @QueryParam("limit") Integer limit,
                              @QueryParam("cursor") String cursor) {
        ArticleRepository.Filter filter = new ArticleRepository.Filter(state(state), blankToNull(language),
                blankToNull(section), blankToNull(tag), blankToNull(text));
        return articles.list(filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Article article = articles.get(id);
        return Response.ok(article).header(HttpHeaders.ETAG, ETags.of(article.version())).build();
    }

    @PATCH
    @Path("{id}")
    @RequiresRole(Role.EDITOR)
    public Response changeMetadata(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull ChangeArticleRequest request) {
        Article article = articles.changeMetadata(Caller.of(security), id, ETags.expectedVersion(ifMatch), request);
        return Response.ok(article).header(HttpHeaders.ETAG, ETags.of(article.version())).build();
    }

    @GET
    @Path("{id}/editions/{lang}")
    public Response edition(@PathParam("id") UUID id, @PathParam("lang") String language) {
        return withETag(editionTexts.edition(id, language));
    }

    @PUT
    @Path("{id}/editions/{lang}")
    @RequiresRole(Role.EDITOR)
    public Response save(@PathParam("id") UUID id, @PathParam("lang") String language,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SaveEditionRequest request) {
        return withETag(editionTexts.save(Caller.of(security), id, language, ETags.expectedVersion(ifMatch), request));
    }

    @GET
    @Path("{id}/editions/{lang}/revisions")
    public List<Revision> revisions(@PathParam("id") UUID id, @PathParam("lang") String language) {
        return editionTexts.revisions(id, language);
    }

    @GET
    @Path("{id}/editions/{lang}/revisions/{n}")
    public Revision revision(@PathParam("id") UUID id, @PathParam("lang") String language, @PathParam("n") int number) {
        return editionTexts.revision(id, language, number);
    }

    @GET
    @Path("{id}/editions/{lang}/revisions/{n}/diff")
    public List<RevisionDiff.FieldDiff> diff(@PathParam("id") UUID id, @PathParam("lang") String language,
                                             @PathParam("n") int number, @QueryParam("from") Integer from) {
        return editionTexts.diff(id, language, from == null ? number - 1 : from, number);
    }

    @POST
    @Path("{id}/editions/{lang}/publish")
    @RequiresRole(Role.EDITOR)
    public Response publish(@PathParam("id") UUID id, @PathParam("lang") String language,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PublishRequest request) {
        return withETag(publications.publish(Caller.of(security), id, language, ETags.expectedVersion(ifMatch), request));
    }

    @POST
    @Path("{id}/editions/{lang}/unschedule")
    @RequiresRole(Role.EDITOR)
    public Response unschedule(@PathParam("id") UUID id, @PathParam("lang") String language,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(publications.unschedule(Caller.of(security), id, language, ETags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("{id}/editions/{lang}/withdraw")
    @RequiresRole(Role.EDITOR)
    public Response withdraw(@PathParam("id") UUID id, @PathParam("lang") String language,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull WithdrawRequest request) {
        return withETag(publications.withdraw(Caller.of(security), id, language, ETags.expectedVersion(ifMatch),
                request.reason()));
    }

    @GET
    @Path("{id}/events")
    public List<ArticleEvent> events(@PathParam("id") UUID id) {
        return articles.events(id);
    }

    private static Response withETag(EditionView edition) {
        return Response.ok(edition).header(HttpHeaders.ETAG, ETags.of(edition.version())).build();
    }

    private static ArticleState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ArticleState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("state", "use one of " + List.of(ArticleState.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
