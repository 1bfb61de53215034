package newsdesk.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/** A feed as served: its bytes, a strong ETag (a hash of the bytes), when it last changed, its media type. */
public record RenderedFeed(byte[] bytes, String etag, Instant lastModified, String mediaType) {

    static RenderedFeed of(byte[] bytes, Instant lastModified, FeedFormat format) {
        return new RenderedFeed(bytes, "\"" + hash(bytes) + "\"", lastModified, format.mediaType());
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
