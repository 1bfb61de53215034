package newsdesk.platform;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * Keeps the container's own verdicts (404 unknown path, 405, 406, 415, 400 unreadable body) but answers
 * them as problem+json instead of an HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internal(e);
        }
        ErrorCode code = codeFor(status);
        Response.ResponseBuilder response = Problems.builder(code, detail(code, e), Map.of());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    private String detail(ErrorCode code, WebApplicationException e) {
        return switch (code) {
            case NOT_FOUND -> "Nothing here: " + uriInfo.getPath();
            case METHOD_NOT_ALLOWED -> "This resource does not accept that method; allowed: "
                    + e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json";
            case NOT_ACCEPTABLE -> "This resource cannot produce any of the media types you accept";
            case MALFORMED_REQUEST -> isJsonProblem(e)
                    ? "The request body is not valid JSON or does not have the expected shape"
                    : "The request is malformed";
            default -> code.title();
        };
    }

    static boolean isJsonProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 412 -> ErrorCode.PRECONDITION_FAILED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 428 -> ErrorCode.PRECONDITION_REQUIRED;
            default -> ErrorCode.MALFORMED_REQUEST;
        };
    }
}
