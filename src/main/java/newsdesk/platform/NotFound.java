package newsdesk.platform;

/** The addressed resource does not exist (or the caller may not know it exists). */
public class NotFound extends NewsdeskException {

    public NotFound(String detail) {
        super(ErrorCode.NOT_FOUND, detail);
    }
}
