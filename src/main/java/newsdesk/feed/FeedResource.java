package newsdesk.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import newsdesk.platform.Anyone;
import newsdesk.platform.NotFound;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The public feeds, per language and optionally per section, paged with {@code before} (RFC 5005 §3), and the
 * Atom archives of closed months, with conditional GET and WebSub links. One instance for all requests (the
 * request's headers come as a parameter): the hottest path creates no resource and reads no configuration
 * per request.
 */
@Path("/feeds/{lang}")
@ApplicationScoped
public class FeedResource {

    /** Four-digit years only: YearMonth would take +999999999-12, which no database query can use. */
    private static final Pattern ARCHIVE_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final int FIRST_ARCHIVE_YEAR = 1970;

    @Inject
    FeedService feeds;

    @Inject
    @ConfigProperty(name = "newsdesk.feed.max.age.seconds", defaultValue = "60")
    int maxAgeSeconds;

    /** Closed months hardly change (a correction or withdrawal still does; the strong ETag tells). */
    @Inject
    @ConfigProperty(name = "newsdesk.feed.archive.max.age.seconds", defaultValue = "86400")
    int archiveMaxAgeSeconds;

    @GET
    @Path("rss.xml")
    @Anyone
    public Response rss(@PathParam("lang") String language, @QueryParam("section") String section,
                        @QueryParam("before") String before, @Context HttpHeaders request) {
        return serve(language, section, before, FeedFormat.RSS, request);
    }

    @GET
    @Path("atom.xml")
    @Anyone
    public Response atom(@PathParam("lang") String language, @QueryParam("section") String section,
                        @QueryParam("before") String before, @Context HttpHeaders request) {
        return serve(language, section, before, FeedFormat.ATOM, request);
    }

    @GET
    @Path("feed.json")
    @Anyone
    public Response json(@PathParam("lang") String language, @QueryParam("section") String section,
                        @QueryParam("before") String before, @Context HttpHeaders request) {
        return serve(language, section, before, FeedFormat.JSON, request);
    }

    @GET
    @Path("archive/{month}.xml")
    @Anyone
    public Response archive(@PathParam("lang") String language, @PathParam("month") String month,
                            @Context HttpHeaders request) {
        YearMonth yearMonth = ARCHIVE_MONTH.matcher(month).matches() ? YearMonth.parse(month) : null;
        if (yearMonth == null || yearMonth.getYear() < FIRST_ARCHIVE_YEAR) {
            throw new NotFound("No archive " + month + "; archives are named like 2026-11");
        }
        return ConditionalGet.respond(feeds.archive(language, yearMonth), request, archiveMaxAgeSeconds);
    }

    /** {@code before}: a page cursor from a {@code next} link (RFC 5005 paging), absent for the first page. */
    private Response serve(String language, String section, String before, FeedFormat format, HttpHeaders request) {
        String wanted = section == null || section.isBlank() ? null : section;
        RenderedFeed feed = before == null ? feeds.feed(language, wanted, format)
                : feeds.page(language, wanted, format, before);
        Response response = ConditionalGet.respond(feed, request, maxAgeSeconds);
        return feeds.hub().map(hub -> Response.fromResponse(response)
                .header("Link", "<" + hub + ">; rel=\"hub\"")
                .header("Link", "<" + feeds.selfUrl(language, wanted, format) + ">; rel=\"self\"").build())
                .orElse(response);
    }
}
