package newsdesk.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the root of our own errors to its problem response. */
@Provider
public class NewsdeskExceptionMapper implements ExceptionMapper<NewsdeskException> {

    @Override
    public Response toResponse(NewsdeskException e) {
        if (e.code().status() >= 500) {
            return UnexpectedExceptionMapper.internal(e);
        }
        return Problems.of(e);
    }
}
