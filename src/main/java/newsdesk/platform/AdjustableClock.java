package newsdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system UTC clock, plus an offset that only a test can move (through {@link ClockResource}, which is
 * off unless newsdesk.test.clock.enabled is true): lease expiry is tested by moving time, not by sleeping.
 */
public final class AdjustableClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }
}
