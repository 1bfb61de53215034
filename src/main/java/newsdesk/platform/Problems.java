package newsdesk.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single factory of RFC 9457 problem responses; every exception mapper goes through it, and no
 * resource builds an error response by hand.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    public static Response of(NewsdeskException e) {
        Response.ResponseBuilder response = builder(e.code(), e.getMessage(), e.extensions());
        if (e instanceof Unauthenticated) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsdesk\"");
        }
        if (e instanceof TooManyRequests throttled) {
            response.header("Retry-After", Math.max(1, throttled.retryAfter().toSeconds()));
        }
        return response.build();
    }

    public static Response.ResponseBuilder builder(ErrorCode code, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail);
        body.putAll(extensions);
        Response.ResponseBuilder response = Response.status(code.status())
                .type(MEDIA_TYPE + "; charset=utf-8")
                .entity(JSON.toJson(body));
        if (code.status() == 503) {
            // The database is down or full: a condition of the server that passes; clients and proxies may retry.
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response;
    }
}
