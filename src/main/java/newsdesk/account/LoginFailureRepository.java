package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;

/**
 * Sign-in failures per throttle key in a fixed window, shared by every instance. The keys are made by
 * {@link SignInThrottle}; this class only counts.
 */
@ApplicationScoped
public class LoginFailureRepository {

    @Inject
    Jdbc jdbc;

    record Window(int failures, Instant startedAt) {
    }

    /** Counts one attempt (in the current window, or as the first of a new one) and returns the window. */
    Window record(String throttleKey, Instant now, Instant windowStart) {
        return jdbc.one("""
                INSERT INTO login_failures AS f (throttle_key, failures, window_started_at) VALUES (?, 1, ?)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN f.window_started_at > ? THEN f.failures + 1 ELSE 1 END,
                    window_started_at = CASE WHEN f.window_started_at > ? THEN f.window_started_at
                                             ELSE excluded.window_started_at END
                RETURNING failures, window_started_at""",
                row -> new Window(row.getInt("failures"), Jdbc.instant(row, "window_started_at")),
                throttleKey, now, windowStart, windowStart).orElseThrow();
    }

    void clear(String throttleKey) {
        jdbc.update("DELETE FROM login_failures WHERE throttle_key = ?", throttleKey);
    }

    /** Takes back one counted attempt: it turned out not to be a failure. */
    void forgive(String throttleKey) {
        jdbc.update("UPDATE login_failures SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0",
                throttleKey);
    }

    /** Deletes the windows that started before the given time; returns how many. */
    int purge(Instant startedBefore) {
        return jdbc.update("DELETE FROM login_failures WHERE window_started_at < ?", startedBefore);
    }
}
