package newsdesk.platform;

/** The caller is known but may not do this. */
public class Forbidden extends NewsdeskException {

    public Forbidden(String detail) {
        super(ErrorCode.FORBIDDEN, detail);
    }
}
