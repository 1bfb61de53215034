package newsdesk.feed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import newsdesk.platform.Anyone;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sitemaps for search engines: Google News (the last two days) and every language version with hreflang. */
@Path("/sitemaps")
public class SitemapResource {

    @Inject
    FeedService feeds;

    @Inject
    @ConfigProperty(name = "newsdesk.feed.max.age.seconds", defaultValue = "60")
    int maxAgeSeconds;

    @Context
    HttpHeaders request;

    @GET
    @Path("news.xml")
    @Anyone
    public Response news() {
        return ConditionalGet.respond(feeds.newsSitemap(), request, maxAgeSeconds);
    }

    @GET
    @Path("articles.xml")
    @Anyone
    public Response articles() {
        return ConditionalGet.respond(feeds.articlesSitemap(), request, maxAgeSeconds);
    }
}
