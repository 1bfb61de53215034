package newsdesk.feed;

import newsdesk.platform.Hashes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A document as served, in both representations: its bytes and their gzip, each with its own strong ETag
 * (the gzip one is the plain one suffixed "-gzip", RFC 9110 §8.8.3: two representations never share a strong
 * tag), when it last changed, its media type. The gzip is made once, by the first request that wants it, so a
 * render (the first request after a change) pays no compression when it is not asked for; the tag needs no
 * compressed bytes, only the plain ones' hash.
 */
public final class RenderedFeed {

    /**
     * Level 6 (zlib's default): on a 151 KB Atom feed 37,203 bytes in ~2.5 ms against 36,786 bytes in ~4.3 ms
     * at level 9, 1 % larger for 40 % less time on the render path.
     */
    static final int GZIP_LEVEL = 6;

    private final byte[] bytes;
    private final String etag;
    private final String gzipEtag;
    private final Instant lastModified;
    /** The Last-Modified header's value (RFC 9110 §5.6.7, whole seconds), formatted once. */
    private final String lastModifiedHeader;
    private final String mediaType;
    /** Null until the first request that accepts gzip; then the same bytes for every later one. */
    private volatile byte[] gzipped;

    private RenderedFeed(byte[] bytes, String hash, Instant lastModified, String mediaType) {
        this.bytes = bytes;
        this.etag = "\"" + hash + "\"";
        this.gzipEtag = "\"" + hash + "-gzip\"";
        this.lastModified = lastModified;
        this.lastModifiedHeader = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                lastModified.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        this.mediaType = mediaType;
    }

    public static RenderedFeed of(byte[] bytes, Instant lastModified, FeedFormat format) {
        return of(bytes, lastModified, format.mediaType());
    }

    public static RenderedFeed of(byte[] bytes, Instant lastModified, String mediaType) {
        return new RenderedFeed(bytes, hash(bytes), lastModified, mediaType);
    }

    public byte[] bytes() {
        return bytes;
    }

    public String etag() {
        return etag;
    }

    /** The gzip representation, compressed at most once (concurrent first requests wait for the one compressing). */
    public byte[] gzipped() {
        byte[] made = gzipped;
        if (made == null) {
            synchronized (this) {
                made = gzipped;
                if (made == null) {
                    made = gzip(bytes);
                    gzipped = made;
                }
            }
        }
        return made;
    }

    public String gzipEtag() {
        return gzipEtag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    public String mediaType() {
        return mediaType;
    }

    private static String hash(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(bytes)).substring(0, 27);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(GZIP_LEVEL);
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
