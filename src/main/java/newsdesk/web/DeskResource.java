package newsdesk.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import newsdesk.platform.Anyone;
import newsdesk.platform.NotFound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the desk (one page, its script, styles and translations) from the WAR's classes. The page is
 * public: it holds no data, and asks the API, which checks the session, for everything it shows. No
 * script or style may come inline or from elsewhere (CSP), so text from the API can never run.
 */
@Path("/desk")
@Anyone
public class DeskResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern ASSET = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "svg", "image/svg+xml");

    @GET
    @Produces("text/html;charset=utf-8")
    public Response page() {
        return serve("index.html", "text/html;charset=utf-8");
    }

    @GET
    @Path("{asset}")
    public Response asset(@PathParam("asset") String asset) {
        if (asset == null || !ASSET.matcher(asset).matches()) {
            throw new NotFound("No desk file " + asset);
        }
        return serve(asset, TYPES.get(asset.substring(asset.lastIndexOf('.') + 1)));
    }

    private static Response serve(String name, String type) {
        byte[] bytes;
        try (InputStream in = DeskResource.class.getResourceAsStream("/desk/" + name)) {
            if (in == null) {
                throw new NotFound("No desk file " + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the desk's " + name, e);
        }
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        return Response.ok(bytes, type).cacheControl(revalidate)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .build();
    }
}
