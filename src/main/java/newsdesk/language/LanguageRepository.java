package newsdesk.language;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Site languages in PostgreSQL. */
@ApplicationScoped
public class LanguageRepository {

    @Inject
    Jdbc jdbc;

    List<SiteLanguage> all() {
        return jdbc.list("SELECT code, name, enabled, version FROM site_languages ORDER BY created_at, code",
                LanguageRepository::language);
    }

    Optional<SiteLanguage> find(String code) {
        return jdbc.one("SELECT code, name, enabled, version FROM site_languages WHERE code = ?",
                LanguageRepository::language, code);
    }

    /** Inserts unless the code exists; true when it inserted. */
    boolean insertIfAbsent(String code, String name, boolean enabled, Instant now) {
        return jdbc.update("""
                INSERT INTO site_languages (code, name, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO NOTHING""", code, name, enabled, now, now) == 1;
    }

    /** Guarded update at the version the admin read; true when it updated. */
    boolean update(String code, long expectedVersion, String name, boolean enabled, Instant now) {
        return jdbc.update("""
                UPDATE site_languages SET name = ?, enabled = ?, version = version + 1, updated_at = ?
                 WHERE code = ? AND version = ?""", name, enabled, now, code, expectedVersion) == 1;
    }

    boolean any() {
        return jdbc.one("SELECT EXISTS (SELECT 1 FROM site_languages)", row -> row.getBoolean(1)).orElse(false);
    }

    private static SiteLanguage language(ResultSet row) throws SQLException {
        return new SiteLanguage(row.getString("code"), row.getString("name"), row.getBoolean("enabled"),
                row.getLong("version"));
    }
}
