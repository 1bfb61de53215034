package newsdesk.platform;

import java.util.List;

/** The request is well-formed but some fields are wrong: 422 listing each. */
public class Invalid extends NewsdeskException {

    public Invalid(List<FieldError> errors) {
        super(ErrorCode.VALIDATION_FAILED, describe(errors));
        with("errors", List.copyOf(errors));
    }

    public static Invalid field(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
