package newsdesk.platform;

import java.util.List;

/** The request contradicts the current state: a duplicate, or an action the workflow does not allow now. */
public class Conflict extends NewsdeskException {

    public Conflict(ErrorCode code, String detail) {
        super(code, detail);
    }

    public static Conflict duplicate(String detail) {
        return new Conflict(ErrorCode.DUPLICATE, detail);
    }

    /** An illegal workflow action: names the current state and what may be done from it. */
    public static Conflict illegalAction(String detail, String currentState, List<String> allowedActions) {
        Conflict conflict = new Conflict(ErrorCode.INVALID_STATE, detail);
        conflict.with("currentState", currentState).with("allowedActions", List.copyOf(allowedActions));
        return conflict;
    }
}
