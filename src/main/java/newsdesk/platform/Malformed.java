package newsdesk.platform;

import java.util.List;

/**
 * The request cannot be read (400): a body that is not one JSON value in UTF-8, a member or parameter
 * that cannot be read as its type. Names them when it can, in the same errors list as a 422.
 */
public class Malformed extends NewsdeskException {

    public Malformed(String detail) {
        super(ErrorCode.MALFORMED_REQUEST, detail);
    }

    public static Malformed parameter(String name, String message) {
        return fields(List.of(new FieldError(name, message)));
    }

    /** Members or parameters that cannot be read as their type. */
    public static Malformed fields(List<FieldError> errors) {
        Malformed malformed = new Malformed(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields cannot be read");
        malformed.with("errors", List.copyOf(errors));
        return malformed;
    }
}
