package newsdesk.site;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import newsdesk.feed.ConditionalGet;
import newsdesk.platform.Anyone;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The published site, as JSON: the stories of a language (front and section pages) and one story by slug,
 * cacheable like the feeds (strong ETag, Last-Modified, Cache-Control, 304).
 */
@Path("/public/{lang}/articles")
@Produces(MediaType.APPLICATION_JSON)
public class PublicArticleResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PublicArticles articles;

    @Inject
    @ConfigProperty(name = "newsdesk.feed.max.age.seconds", defaultValue = "60")
    int maxAgeSeconds;

    @Context
    HttpHeaders request;

    @GET
    @Anyone
    @APIResponse(responseCode = "200", description = "Published stories, newest first; Link rel=next when more follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response list(@PathParam("lang") String language, @QueryParam("section") String section,
                         @QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") Integer limit) {
        PublicArticles.Listing listing = articles.list(language, section, tag, cursor, limit);
        Response response = ConditionalGet.respond(listing.document(), request, maxAgeSeconds);
        if (listing.nextCursor() == null) {
            return response;
        }
        String next = articles.nextUrl(language, section, tag, limit, listing.nextCursor());
        return Response.fromResponse(response).header("Link", "<" + next + ">; rel=\"next\"").build();
    }

    @GET
    @Path("{slug}")
    @Anyone
    @APIResponse(responseCode = "200", description = "The published story with its sibling languages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Story.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "410", description = "Published once, withdrawn since",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response published(@PathParam("lang") String language, @PathParam("slug") String slug) {
        return ConditionalGet.respond(articles.story(language, slug), request, maxAgeSeconds);
    }
}
