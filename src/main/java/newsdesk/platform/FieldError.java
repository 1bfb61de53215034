package newsdesk.platform;

/** One invalid field of a request body or parameter, as listed in a 422 problem. */
public record FieldError(String field, String message) {
}
