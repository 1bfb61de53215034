package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.Optional;

/** Failed sign-ins per lower-cased username in a fixed window, shared by every server instance. */
@ApplicationScoped
public class LoginFailureRepository {

    @Inject
    Jdbc jdbc;

    record Window(int failures, Instant startedAt) {
    }

    /** The current window, if it started after {@code windowStart}. */
    Optional<Window> current(String usernameKey, Instant windowStart) {
        return jdbc.one("""
                SELECT failures, window_started_at FROM login_failures
                 WHERE username_key = ? AND window_started_at > ?""",
                row -> new Window(row.getInt("failures"), Jdbc.instant(row, "window_started_at")),
                usernameKey, windowStart);
    }

    /** Counts one failure: in the current window, or as the first of a new one when it has expired. */
    void record(String usernameKey, Instant now, Instant windowStart) {
        jdbc.update("""
                INSERT INTO login_failures AS f (username_key, failures, window_started_at) VALUES (?, 1, ?)
                ON CONFLICT (username_key) DO UPDATE SET
                    failures = CASE WHEN f.window_started_at > ? THEN f.failures + 1 ELSE 1 END,
                    window_started_at = CASE WHEN f.window_started_at > ? THEN f.window_started_at
                                             ELSE excluded.window_started_at END""",
                usernameKey, now, windowStart, windowStart);
    }

    void clear(String usernameKey) {
        jdbc.update("DELETE FROM login_failures WHERE username_key = ?", usernameKey);
    }
}
