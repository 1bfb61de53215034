package newsdesk.platform;

import java.util.List;

/**
 * The request cannot be read at all (400): a body that is not one JSON value in UTF-8, a parameter
 * that is not of its type. Names the parameter when there is one, in the same errors list as a 422.
 */
public class Malformed extends NewsdeskException {

    public Malformed(String detail) {
        super(ErrorCode.MALFORMED_REQUEST, detail);
    }

    public static Malformed parameter(String name, String message) {
        Malformed malformed = new Malformed(name + ": " + message);
        malformed.with("errors", List.of(new FieldError(name, message)));
        return malformed;
    }
}
