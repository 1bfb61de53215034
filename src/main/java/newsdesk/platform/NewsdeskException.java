package newsdesk.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one unchecked root of every error Newsdesk reports to a client. The code fixes the problem type
 * and status; extensions become extra members of the problem body.
 */
public class NewsdeskException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public NewsdeskException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public NewsdeskException(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    protected NewsdeskException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }
}
