package newsdesk.platform;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.UUID;

/**
 * Everything else. An unreadable body is the client's fault (400); anything truly unexpected is logged
 * with a correlation id that the 500 problem carries, and no stack trace reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ProcessingException && WebApplicationExceptionMapper.isJsonProblem(e)) {
            return Problems.builder(ErrorCode.MALFORMED_REQUEST,
                    "The request body is not valid JSON or does not have the expected shape", Map.of()).build();
        }
        return internal(e);
    }

    static Response internal(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        ErrorCode code = e instanceof NewsdeskException known ? known.code() : ErrorCode.INTERNAL;
        LOG.log(Level.ERROR, "request failed, correlation id " + correlationId, e);
        String detail = switch (code) {
            case DATABASE_UNAVAILABLE -> "The database is not reachable right now; try again shortly";
            case DATABASE_OUT_OF_RESOURCES -> "The database has run out of room (disk space, memory or connections);"
                    + " nothing was saved; try again later";
            default -> "Something went wrong on our side; quote the correlation id when reporting it";
        };
        return Problems.builder(code, detail, Map.of("correlationId", correlationId)).build();
    }
}
