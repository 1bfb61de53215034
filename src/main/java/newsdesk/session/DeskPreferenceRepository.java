package newsdesk.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Each person's choice of interface language for the desk. */
@ApplicationScoped
public class DeskPreferenceRepository {

    @Inject
    Jdbc jdbc;

    Optional<String> language(UUID accountId) {
        return jdbc.one("SELECT language FROM desk_preferences WHERE account_id = ?",
                row -> row.getString("language"), accountId);
    }

    void setLanguage(UUID accountId, String language, Instant now) {
        jdbc.update("""
                INSERT INTO desk_preferences (account_id, language, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at""",
                accountId, language, now);
    }
}
