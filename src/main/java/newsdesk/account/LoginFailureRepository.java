package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;

/** Sign-in attempts per lower-cased username in a fixed window (cleared on success), shared by every instance. */
@ApplicationScoped
public class LoginFailureRepository {

    @Inject
    Jdbc jdbc;

    record Window(int failures, Instant startedAt) {
    }

    /** Counts one attempt (in the current window, or as the first of a new one) and returns the window. */
    Window record(String usernameKey, Instant now, Instant windowStart) {
        return jdbc.one("""
                INSERT INTO login_failures AS f (username_key, failures, window_started_at) VALUES (?, 1, ?)
                ON CONFLICT (username_key) DO UPDATE SET
                    failures = CASE WHEN f.window_started_at > ? THEN f.failures + 1 ELSE 1 END,
                    window_started_at = CASE WHEN f.window_started_at > ? THEN f.window_started_at
                                             ELSE excluded.window_started_at END
                RETURNING failures, window_started_at""",
                row -> new Window(row.getInt("failures"), Jdbc.instant(row, "window_started_at")),
                usernameKey, now, windowStart, windowStart).orElseThrow();
    }

    void clear(String usernameKey) {
        jdbc.update("DELETE FROM login_failures WHERE username_key = ?", usernameKey);
    }
}
