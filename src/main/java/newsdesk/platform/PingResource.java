package newsdesk.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * GET /api/ping: 204, anonymous, no database, nothing computed. The floor of this server's own JAX-RS path,
 * which benchmarks compare the feeds with, and the cheap probe for a proxy or load balancer (that the process
 * answers HTTP; /health/ready says whether it can also serve, database included).
 */
@Path("/api/ping")
public class PingResource {

    @GET
    @Anyone
    public void ping() {
        // Nothing to do: the answer is the 204 itself.
    }
}
