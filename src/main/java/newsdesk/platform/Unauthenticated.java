package newsdesk.platform;

/** No valid credentials: 401 with a Bearer challenge. */
public class Unauthenticated extends NewsdeskException {

    public Unauthenticated(String detail) {
        super(ErrorCode.UNAUTHENTICATED, detail);
    }
}
