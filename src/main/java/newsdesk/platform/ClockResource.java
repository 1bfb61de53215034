package newsdesk.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * For tests only: POST /api/test/clock {"advanceSeconds": n} moves this instance's clock forward. Answers
 * 404 unless newsdesk.test.clock.enabled is true, which production never sets.
 */
@Path("/api/test/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    ClockProducer clocks;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.test.clock.enabled", defaultValue = "false")
    boolean enabled;

    /** How far to move the clock. */
    public record Advance(long advanceSeconds) {
    }

    @POST
    @RequiresRole(Role.ADMIN)
    public Map<String, String> advance(Advance request) {
        if (!enabled) {
            throw new NotFound("Nothing here: api/test/clock");
        }
        if (request == null || request.advanceSeconds() < 0) {
            throw Invalid.field("advanceSeconds", "must be zero or more");
        }
        clocks.adjustable().advance(Duration.ofSeconds(request.advanceSeconds()));
        return Map.of("now", clock.instant().toString());
    }
}
