package newsdesk.feed;

import newsdesk.platform.Hashes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** A feed as served: its bytes, a strong ETag (a hash of the bytes), when it last changed, its media type. */
public record RenderedFeed(byte[] bytes, String etag, Instant lastModified, String mediaType) {

    public static RenderedFeed of(byte[] bytes, Instant lastModified, FeedFormat format) {
        return new RenderedFeed(bytes, "\"" + hash(bytes) + "\"", lastModified, format.mediaType());
    }

    private static String hash(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(bytes)).substring(0, 27);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
