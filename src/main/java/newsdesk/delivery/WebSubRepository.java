package newsdesk.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.Optional;

/** Pending WebSub pings, one per feed URL; a row stays until the hub answers 2xx. */
@ApplicationScoped
public class WebSubRepository {

    @Inject
    Jdbc jdbc;

    /** A ping claimed for one attempt; {@code generation} tells whether the feed changed again meanwhile. */
    record Claimed(String feedUrl, long generation, int attempts) {
    }

    /** Due now; coalesced with a pending ping of the same feed, which then goes out at once (again). */
    void pending(String feedUrl, Instant now) {
        jdbc.update("""
                INSERT INTO websub_pings (feed_url, next_attempt_at, created_at) VALUES (?, ?, ?)
                ON CONFLICT (feed_url) DO UPDATE
                   SET generation = websub_pings.generation + 1,
                       next_attempt_at = LEAST(websub_pings.next_attempt_at, EXCLUDED.next_attempt_at)""",
                feedUrl, now, now);
    }

    /** Takes the most overdue ping for one attempt, leasing it until {@code leaseUntil}; other instances skip it. */
    Optional<Claimed> claimDue(Instant now, Instant leaseUntil) {
        return jdbc.one("""
                UPDATE websub_pings SET attempts = attempts + 1, next_attempt_at = ?
                 WHERE feed_url = (SELECT feed_url FROM websub_pings WHERE next_attempt_at <= ?
                                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING feed_url, generation, attempts""",
                row -> new Claimed(row.getString("feed_url"), row.getLong("generation"), row.getInt("attempts")),
                leaseUntil, now);
    }

    /** The hub has it; unless the feed changed again during the attempt, the ping is done. */
    void delivered(Claimed ping) {
        jdbc.update("DELETE FROM websub_pings WHERE feed_url = ? AND generation = ?", ping.feedUrl(), ping.generation());
    }

    /** Try again at {@code next} (a newer change of the feed is due at once anyway). */
    void failed(Claimed ping, Instant next, String error) {
        jdbc.update("""
                UPDATE websub_pings SET last_error = ?,
                       next_attempt_at = CASE WHEN generation = ? THEN ? ELSE next_attempt_at END
                 WHERE feed_url = ?""", error, ping.generation(), next, ping.feedUrl());
    }
}
