package newsdesk.platform;

/** Stable error codes; each becomes the problem {@code type} (/problems/{slug}) and fixes the HTTP status. */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    GONE(410, "Gone"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    DUPLICATE(409, "Already exists"),
    INVALID_STATE(409, "Action not allowed in the current state"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    VALIDATION_FAILED(422, "Validation failed"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INTERNAL(500, "Internal server error"),
    DATABASE_UNAVAILABLE(503, "Database unavailable"),
    DATABASE_OUT_OF_RESOURCES(503, "Database out of resources");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return "/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
