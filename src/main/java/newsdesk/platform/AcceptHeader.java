package newsdesk.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * An Accept header that does not parse as media types ("application/json;q=often"). Jersey would only
 * notice while matching the resource and answer with the container's HTML error page; parsing it
 * here, before matching, makes it a 400 problem naming the header.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class AcceptHeader implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            // Jersey reports an unparsable header with several exception types; all mean the same here.
            throw Malformed.parameter(HttpHeaders.ACCEPT, "is not a list of media types like application/json");
        }
    }
}
