package newsdesk.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures on request records become 422 listing each bad field. Registered explicitly
 * because Jersey's own validation mapper is closer in the type hierarchy than a catch-all would be.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(new FieldError("body", "is invalid"));
        }
        return Problems.of(new Invalid(errors));
    }

    /** "create.request.username" → "username"; a missing body ("create.request") → "body". */
    private static String fieldName(ConstraintViolation<?> violation) {
        String field = "body";
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (depth > 2 && node.getName() != null) {
                field = depth == 3 ? node.getName() : field + "." + node.getName();
            }
        }
        return field;
    }
}
