package newsdesk.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Refuses request bodies above the configured size with 413: at once when Content-Length says so, and
 * while reading for chunked bodies (the body is buffered up to the limit, then handed to the reader).
 * An empty body is read as no entity, so optional bodies may be left out and required ones get a 422.
 * A TMX import ({@code PUT /api/memory/tmx}: a newsroom's memory runs to hundreds of MB) has a limit of its own
 * ({@code newsdesk.memory.tmx.max.bytes}) and is not buffered: its reader gets the stream, which fails with
 * the same 413 once it has given more than the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.USER) // the outermost reader interceptor: JsonBodies (USER + 100) reads what this bounded
public class RequestSizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "newsdesk.request.max.bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "newsdesk.memory.tmx.max.bytes", defaultValue = "268435456")
    long tmxMaxBytes;

    private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

    /** The request property that marks a streamed body, holding its limit. */
    private static final String STREAMED = RequestSizeLimit.class.getName() + ".streamed";

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = maxBytes;
        if ("PUT".equals(request.getMethod())
                && EDGE_SLASHES.matcher(request.getUriInfo().getPath()).replaceAll("").equals("api/memory/tmx")) {
            limit = tmxMaxBytes;
            request.setProperty(STREAMED, limit);
        }
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(STREAMED) instanceof Long limit) {
            context.setInputStream(new Bounded(context.getInputStream(), limit));
            return context.proceed();
        }
        InputStream body = context.getInputStream();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            // No body at all reads as "no entity" (null) rather than as malformed JSON.
            return null;
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    private static NewsdeskException tooLarge(long limit) {
        return new NewsdeskException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes");
    }

    /** A body read as it arrives that refuses (413) to give more than its limit. */
    static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
