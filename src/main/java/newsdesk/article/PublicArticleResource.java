package newsdesk.article;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import newsdesk.platform.Anyone;

/** The published site, as JSON: one edition by language and slug. */
@Path("/public/{lang}/articles")
@Produces(MediaType.APPLICATION_JSON)
public class PublicArticleResource {

    @Inject
    ArticleService articles;

    @GET
    @Path("{slug}")
    @Anyone
    public PublishedEdition published(@PathParam("lang") String language, @PathParam("slug") String slug) {
        return articles.published(language, slug);
    }
}
