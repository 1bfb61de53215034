package newsdesk.platform;

import java.time.Duration;

/** Throttled: the client may try again after the given time (Retry-After). */
public class TooManyRequests extends NewsdeskException {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        super(ErrorCode.TOO_MANY_REQUESTS, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
