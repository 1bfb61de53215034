package newsdesk.feed;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds and the site's JSON in gzip for clients that ask, each representation with its own strong ETag. Plain
 * java.net.http here: it neither asks for nor undoes compression by itself, so the test sees the wire bytes.
 */
@ExtendWith(NewsdeskServer.class)
class CompressionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Desk desk;
    private final String section = "gzip-" + UUID.randomUUID().toString().substring(0, 8);

    CompressionIT(Desk desk) {
        this.desk = desk;
        Desk.Person editor = desk.newEditor();
        Map<String, Object> story = Stories.story("en", "Compressed");
        story.put("section", section);
        // Enough repeated text that gzip pays off, as in real feeds.
        story.put("body", "<p>" + "A paragraph that repeats, as news prose does. ".repeat(40) + "</p>");
        String id = desk.as(editor).body(story).post("/api/articles").then().statusCode(201).extract().path("id");
        new Stories(desk).publish(editor, id, "en").then().statusCode(200);
    }

    @Test
    void feedsSitemapsAndPublicJsonAreGzippedOnRequestWithAnETagOfTheirOwn() throws Exception {
        for (String path : List.of("/feeds/en/atom.xml?section=" + section, "/feeds/en/rss.xml?section=" + section,
                "/feeds/en/feed.json?section=" + section, "/sitemaps/articles.xml",
                "/public/en/articles?section=" + section)) {
            HttpResponse<byte[]> plain = send("GET", path, Map.of());
            HttpResponse<byte[]> gzipped = send("GET", path, Map.of("Accept-Encoding", "gzip, deflate, br"));
            assertEquals(200, plain.statusCode(), path);
            assertEquals(200, gzipped.statusCode(), path);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), path);
            assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElse(null), path);
            assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(null), path);
            // Decompressed once, the gzip bytes are exactly the plain body: compressed once, not twice.
            assertArrayEquals(plain.body(), gunzip(gzipped.body()), path);
            // Feeds carry the bodies and shrink well; the list of stories (no bodies) less so, but still.
            int most = path.startsWith("/public/") ? plain.body().length : plain.body().length / 2;
            assertTrue(gzipped.body().length < most, path + ": " + gzipped.body().length + " compressed bytes for "
                    + plain.body().length);
            String plainTag = plain.headers().firstValue("ETag").orElseThrow();
            String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
            assertNotEquals(plainTag, gzipTag, path);
            assertTrue(gzipTag.startsWith("\"") && !gzipTag.startsWith("W/"), "strong: " + gzipTag);

            // If-None-Match is compared with the tag of the representation the request selects.
            HttpResponse<byte[]> notModified = send("GET", path, Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipTag));
            assertEquals(304, notModified.statusCode(), path);
            assertEquals(gzipTag, notModified.headers().firstValue("ETag").orElse(null), path);
            assertEquals("Accept-Encoding", notModified.headers().firstValue("Vary").orElse(null), path);
            assertEquals(0, notModified.body().length, path);
            assertTrue(notModified.headers().firstValue("Content-Encoding").isEmpty(), path);
            assertEquals(304, send("GET", path, Map.of("If-None-Match", plainTag)).statusCode(), path);
            HttpResponse<byte[]> otherTag = send("GET", path, Map.of("If-None-Match", gzipTag));
            assertEquals(200, otherTag.statusCode(), path);
            assertArrayEquals(plain.body(), otherTag.body(), path);
            assertEquals(200, send("GET", path, Map.of("Accept-Encoding", "gzip", "If-None-Match", plainTag)).statusCode(), path);
            // A client that refuses gzip gets the plain bytes.
            assertArrayEquals(plain.body(), send("GET", path, Map.of("Accept-Encoding", "gzip;q=0, identity")).body(), path);

            HttpResponse<byte[]> head = send("HEAD", path, Map.of("Accept-Encoding", "gzip"));
            assertEquals(200, head.statusCode(), path);
            assertEquals(gzipTag, head.headers().firstValue("ETag").orElse(null), path);
            assertEquals("gzip", head.headers().firstValue("Content-Encoding").orElse(null), path);
            assertEquals(304, send("HEAD", path, Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipTag)).statusCode(), path);
        }
    }

    private HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(desk.baseUri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
