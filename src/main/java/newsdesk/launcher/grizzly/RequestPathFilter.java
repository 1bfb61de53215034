package newsdesk.launcher.grizzly;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers 503 problem+json with Retry-After while the application is not deployed (Payara would answer its
 * own 404 HTML page, which clients and proxies take as final), and refuses a request whose path cannot be
 * decoded with a 400 problem+json, before Payara's web container sees it. Payara answers a bad escape such as {@code %zz} with an empty 200 (its CoyoteAdapter only
 * expects CharConversionException; payara/Payara#8000) and a NUL or invalid UTF-8 with an empty 400.
 * It takes the place of the listener's HTTP server filter and hands everything else to it unchanged.
 * Runs inside Payara's class loader, which is why it lives in its own jar (target/lib/newsdesk-http.jar).
 */
public final class RequestPathFilter implements Filter {

    private static final String PROBLEM = "{\"type\":\"/problems/malformed-request\",\"title\":\"Malformed request\","
            + "\"status\":400,\"detail\":\"%s\"}";

    private static final String UNAVAILABLE = "{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\","
            + "\"status\":503,\"detail\":\"The server is starting or stopping; try again in a moment\"}";
    /** Seconds a client should wait before it tries again. */
    static final String RETRY_AFTER = "1";
    /** Lets the launcher's own deployment check reach the application before it is declared ready. */
    static final String CHECK_HEADER = "X-Newsdesk-Deployment-Check";

    // Static: one HTTP listener per process, and the launcher reaches them across class loaders by reflection.
    private static volatile boolean serving;
    private static volatile String checkToken;

    private final Filter server;

    private RequestPathFilter(Filter server) {
        this.server = server;
    }

    /**
     * Wraps the HTTP server filter of the listener's running chain, at its own place; called once at start.
     * The chain must keep its length: every open connection holds per-filter state sized for it, and a
     * connection opened before a filter was added fails on its next request (GRIZZLY0013). Grizzly's own
     * SSL filter replaces a filter the same way. Nothing in Payara looks the server filter up by type once
     * the chain is built, and its onAdded/onRemoved do nothing (Grizzly 4.0.2).
     */
    public static void install(Object processor, String deploymentCheckToken) {
        checkToken = deploymentCheckToken;
        FilterChain chain = (FilterChain) processor;
        int server = chain.indexOfType(HttpServerFilter.class);
        if (server < 0) {
            throw new IllegalStateException("no HTTP server filter in " + chain);
        }
        chain.set(server, new RequestPathFilter(chain.get(server)));
        StartGate.open();
    }

    /** Called by the launcher: true once the application answers, false again when the server stops. */
    public static void serving(boolean ready) {
        serving = ready;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            Optional<String> problem = RequestPaths.problem(request.getRequestURI());
            if (problem.isPresent()) {
                refuse(ctx, request, problem.get());
                return ctx.getStopAction();
            }
            if (!serving && !isDeploymentCheck(request)) {
                // The first part of the request answers it; the codec skips the rest of its body.
                if (!request.getResponse().isCommitted()) {
                    unavailable(ctx, request);
                }
                return ctx.getStopAction();
            }
        }
        return server.handleRead(ctx);
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        return server.handleWrite(ctx);
    }

    @Override
    public NextAction handleConnect(FilterChainContext ctx) throws IOException {
        return server.handleConnect(ctx);
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        return server.handleAccept(ctx);
    }

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        return server.handleEvent(ctx, event);
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        return server.handleClose(ctx);
    }

    @Override
    public void exceptionOccurred(FilterChainContext ctx, Throwable error) {
        server.exceptionOccurred(ctx, error);
    }

    // FilterChain.set tells the replaced server filter it was removed; these tell it it is back.
    @Override
    public void onAdded(FilterChain chain) {
        server.onAdded(chain);
    }

    @Override
    public void onRemoved(FilterChain chain) {
        server.onRemoved(chain);
    }

    @Override
    public void onFilterChainChanged(FilterChain chain) {
        server.onFilterChainChanged(chain);
    }

    @Override
    public String toString() {
        return "RequestPathFilter(" + server + ")";
    }

    private static boolean isDeploymentCheck(HttpRequestPacket request) {
        String token = checkToken;
        return token != null && token.equals(request.getHeader(CHECK_HEADER));
    }

    /**
     * 503 on a connection that stays open (a load balancer's or a readiness probe's keep-alive connection goes
     * on being served once the application is up); the response-complete event tells the HTTP codec below
     * that this request is done, as the server filter does after the web container has answered.
     */
    private static void unavailable(FilterChainContext ctx, HttpRequestPacket request) {
        byte[] body = UNAVAILABLE.getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(503);
        response.getHeaders().setValue(Header.ContentType).setString("application/problem+json;charset=utf-8");
        response.setHeader(Header.RetryAfter, RETRY_AFTER);
        response.setHeader(Header.CacheControl, "no-store");
        response.setContentLength(body.length);
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getConnection().getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(answer);
        ctx.notifyDownstream(org.glassfish.grizzly.http.HttpServerFilter.RESPONSE_COMPLETE_EVENT);
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
