package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Time comes from an injected clock, so tests can move it instead of sleeping. */
@ApplicationScoped
public class ClockProducer {

    private static final Clock SYSTEM_UTC = Clock.systemUTC();

    @Produces
    Clock clock() {
        return SYSTEM_UTC;
    }
}
