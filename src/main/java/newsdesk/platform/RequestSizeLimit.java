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
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies above the configured size with 413: at once when Content-Length says so, and
 * while reading for chunked bodies (the body is buffered up to the limit, then handed to the reader).
 * An empty body is read as no entity, so optional bodies may be left out and required ones get a 422.
 */
@Provider
@PreMatching
@Priority(Priorities.USER) // the outermost reader interceptor: JsonBodies (USER + 100) reads what this bounded
public class RequestSizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "newsdesk.request.max.bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream body = context.getInputStream();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            // No body at all reads as "no entity" (null) rather than as malformed JSON.
            return null;
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }

    private NewsdeskException tooLarge() {
        return new NewsdeskException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes");
    }
}
