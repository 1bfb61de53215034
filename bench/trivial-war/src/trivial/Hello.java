package trivial;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;

/** The floor for bench/startup.sh: one JAX-RS GET on plain Payara Micro, nothing else in the WAR. */
@Path("hello")
public class Hello {

    @GET
    @Produces("application/json")
    public String hello() {
        return "{\"hello\":\"world\"}";
    }

    @ApplicationPath("/")
    public static class Root extends Application {
    }
}
