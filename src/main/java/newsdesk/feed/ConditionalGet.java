package newsdesk.feed;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * RFC 9110 conditional GET for rendered feeds: a matching If-None-Match is 304; only without
 * If-None-Match does If-Modified-Since count (§13.1.3). 304s carry the same ETag and no body.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    public static Response respond(RenderedFeed feed, HttpHeaders request, int maxAgeSeconds) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setPrivate(false);
        cacheControl.setNoTransform(false);
        cacheControl.setMaxAge(maxAgeSeconds);
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                feed.lastModified().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        Response.ResponseBuilder response = notModified(feed, request)
                ? Response.notModified()
                : Response.ok(feed.bytes(), feed.mediaType());
        return response.header(HttpHeaders.ETAG, feed.etag())
                .header(HttpHeaders.LAST_MODIFIED, lastModified)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds)
                .build();
    }

    private static boolean notModified(RenderedFeed feed, HttpHeaders request) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return ifNoneMatch.trim().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(feed.etag()::equals);
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
