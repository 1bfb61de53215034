package newsdesk.feed;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * RFC 9110 conditional GET for rendered feeds: a matching If-None-Match is 304; only without
 * If-None-Match does If-Modified-Since count (§13.1.3). 304s carry the same ETag and no body.
 * A client that accepts gzip gets the gzip representation, with its own ETag: If-None-Match is
 * compared with the tag of the representation the request selects. Vary names Accept-Encoding
 * on every answer, so shared caches keep the two apart.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    public static Response respond(RenderedFeed feed, HttpHeaders request, int maxAgeSeconds) {
        boolean gzip = acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? feed.gzipEtag() : feed.etag();
        boolean notModified = notModified(feed, etag, request);
        Response.ResponseBuilder response = notModified
                ? Response.notModified()
                : Response.ok(gzip ? feed.gzipped() : feed.bytes(), feed.mediaType());
        // A 304 carries no body, so no content coding (RFC 9110 §15.4.5); its ETag names the representation.
        if (gzip && !notModified) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.LAST_MODIFIED, feed.lastModifiedHeader())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds)
                .build();
    }

    /** RFC 9110 §12.5.3: "gzip" (or its alias "x-gzip") listed without q=0, or else "*" without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = Arrays.stream(parts).skip(1).map(p -> p.trim().toLowerCase(Locale.ROOT))
                    .filter(p -> p.startsWith("q=")).noneMatch(p -> zero(p.substring(2)));
            if (name.equals("gzip") || name.equals("x-gzip")) {
                return wanted;
            }
            if (name.equals("*")) {
                any = wanted;
            }
        }
        return any != null && any;
    }

    private static boolean zero(String quality) {
        try {
            return Double.parseDouble(quality.trim()) <= 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean notModified(RenderedFeed feed, String etag, HttpHeaders request) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(etag::equals);
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince, Instant::from);
                return !feed.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
