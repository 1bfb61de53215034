package newsdesk.feed;

import newsdesk.platform.Hashes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A document as served, in both representations made once when it is rendered: its bytes and their gzip,
 * each with its own strong ETag (the gzip one is the plain one suffixed "-gzip", RFC 9110 §8.8.3: two
 * representations never share a strong tag), when it last changed, its media type.
 */
public record RenderedFeed(byte[] bytes, String etag, byte[] gzipped, String gzipEtag, Instant lastModified,
                           String mediaType) {

    public static RenderedFeed of(byte[] bytes, Instant lastModified, FeedFormat format) {
        return of(bytes, lastModified, format.mediaType());
    }

    public static RenderedFeed of(byte[] bytes, Instant lastModified, String mediaType) {
        String hash = hash(bytes);
        return new RenderedFeed(bytes, "\"" + hash + "\"", gzip(bytes), "\"" + hash + "-gzip\"", lastModified,
                mediaType);
    }

    private static String hash(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(bytes)).substring(0, 27);
    }

    /** The best compression: it is paid once per change and saved on every response. */
    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
