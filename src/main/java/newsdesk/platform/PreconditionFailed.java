package newsdesk.platform;

/** Optimistic locking: the If-Match is stale (412) or missing (428). */
public class PreconditionFailed extends NewsdeskException {

    private PreconditionFailed(ErrorCode code, String detail) {
        super(code, detail);
    }

    public static PreconditionFailed stale(String currentETag) {
        PreconditionFailed failed = new PreconditionFailed(ErrorCode.PRECONDITION_FAILED,
                "The resource changed since you read it; read it again and re-apply your change");
        failed.with("currentETag", currentETag);
        return failed;
    }

    public static PreconditionFailed missing() {
        return new PreconditionFailed(ErrorCode.PRECONDITION_REQUIRED,
                "This write needs an If-Match header with the ETag from your last read");
    }
}
