package newsdesk.launcher.grizzly;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a request whose path cannot be decoded with a 400 problem+json, before Payara's web container
 * sees it. Payara answers a bad escape such as {@code %zz} with an empty 200 (its CoyoteAdapter only
 * expects CharConversionException; payara/Payara#8000) and a NUL or invalid UTF-8 with an empty 400.
 * Runs inside Payara's class loader, which is why it lives in its own jar (target/lib/newsdesk-http.jar).
 */
public final class RequestPathFilter extends BaseFilter {

    private static final String PROBLEM = "{\"type\":\"/problems/malformed-request\",\"title\":\"Malformed request\","
            + "\"status\":400,\"detail\":\"%s\"}";

    /** Puts the filter in front of the HTTP server filter of the listener's chain; called once at start. */
    public static void install(Object processor) {
        FilterChain chain = (FilterChain) processor;
        int server = chain.indexOfType(HttpServerFilter.class);
        if (server < 0) {
            throw new IllegalStateException("no HTTP server filter in " + chain);
        }
        chain.add(server, new RequestPathFilter());
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws java.io.IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            Optional<String> problem = RequestPaths.problem(request.getRequestURI());
            if (problem.isPresent()) {
                refuse(ctx, request, problem.get());
                return ctx.getStopAction();
            }
        }
        return ctx.getInvokeAction();
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, String detail) {
        byte[] body = PROBLEM.formatted(detail).getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(400);
        // As a raw header: Grizzly leaves out a content type set with setContentType for HTTP/0.9-style request lines.
        response.getHeaders().setValue(Header.ContentType).setString("application/problem+json;charset=utf-8");
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        request.getProcessingState().setKeepAlive(false);
        Connection<?> connection = ctx.getConnection();
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(connection.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(answer, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }
        });
    }
}
