package trivialcdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;

/**
 * The stack's floor for bench/startup.sh: the trivial WAR's one GET, but as a CDI bean with another bean
 * injected, so Payara boots Weld for it as it does for any CDI application (the plain trivial WAR has no bean,
 * and Weld never starts). Nothing else: no database, no JSON-B.
 */
@Path("hello")
@RequestScoped
public class Hello {

    @Inject
    Greeting greeting;

    @GET
    @Produces("application/json")
    public String hello() {
        return greeting.text();
    }

    @ApplicationScoped
    public static class Greeting {
        public String text() {
            return "{\"hello\":\"world\"}";
        }
    }

    @ApplicationPath("/")
    public static class Root extends Application {
    }
}
