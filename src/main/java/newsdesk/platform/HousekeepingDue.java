package newsdesk.platform;

import java.time.Instant;

/** Time to delete what is no longer needed; {@code now} is the server clock's. */
public record HousekeepingDue(Instant now) {
}
