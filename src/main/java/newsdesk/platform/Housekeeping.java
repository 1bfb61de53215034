package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Every newsdesk.housekeeping.interval.seconds, on every instance, asks each feature to delete what it no
 * longer needs (old idempotency keys, relayed outbox rows, dead tokens), so no table grows with time alone.
 * Features observe {@link HousekeepingDue}; the deletes are idempotent, so instances need no coordination.
 */
@ApplicationScoped
public class Housekeeping {

    @Inject
    Periodic periodic;

    @Inject
    Clock clock;

    @Inject
    Event<HousekeepingDue> due;

    @Inject
    @ConfigProperty(name = "newsdesk.housekeeping.interval.seconds", defaultValue = "3600")
    long intervalSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every("housekeeping", Duration.ofSeconds(intervalSeconds), () -> due.fire(new HousekeepingDue(clock.instant())));
    }
}
