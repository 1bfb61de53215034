package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Time comes from an injected clock, so tests can move it instead of sleeping. */
@ApplicationScoped
public class ClockProducer {

    private static final AdjustableClock CLOCK = new AdjustableClock();

    @Produces
    Clock clock() {
        return CLOCK;
    }

    AdjustableClock adjustable() {
        return CLOCK;
    }
}
