package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;
import newsdesk.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts in PostgreSQL. Usernames compare case-insensitively (lower(username) is unique). */
@ApplicationScoped
public class AccountRepository {

    private static final String COLUMNS = """
            id, username, display_name, roles, languages, active, version, created_at, updated_at""";

    @Inject
    Jdbc jdbc;

    /** The stored password hash of an account, looked up by username for signing in. */
    record Credentials(UUID accountId, String passwordHash, boolean active) {
    }

    void insert(UUID id, String username, String displayName, String passwordHash, Collection<Role> roles,
                Collection<String> languages, Instant now) {
        jdbc.updateOrDuplicate("The username " + username + " is taken", """
                INSERT INTO accounts (id, username, display_name, password_hash, roles, languages, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, username, displayName, passwordHash, roles, languages, now, now);
    }

    /** Inserts unless an account with that username exists; true when it inserted. */
    boolean insertIfAbsent(UUID id, String username, String displayName, String passwordHash, Collection<Role> roles,
                           Instant now) {
        return jdbc.update("""
                INSERT INTO accounts (id, username, display_name, password_hash, roles, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ((lower(username))) DO NOTHING""",
                id, username, displayName, passwordHash, roles, now, now) == 1;
    }

    Optional<Account> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", AccountRepository::account, id);
    }

    /** Looks up by {@link Usernames#key}, which is already lower-cased ASCII: no second normalisation here. */
    Optional<Credentials> credentials(String usernameKey) {
        return jdbc.one("SELECT id, password_hash, active FROM accounts WHERE lower(username) = ?",
                AccountRepository::credentials, usernameKey);
    }

    Optional<Credentials> credentialsOf(UUID id) {
        return jdbc.one("SELECT id, password_hash, active FROM accounts WHERE id = ?", AccountRepository::credentials, id);
    }

    private static Credentials credentials(ResultSet row) throws SQLException {
        return new Credentials(Jdbc.uuid(row, "id"), row.getString("password_hash"), row.getBoolean("active"));
    }

    /** Accounts ordered by lower-cased username, after the given one; fetches limit + 1 to see if more exist. */
    List<Account> listAfter(String afterUsernameKey, int limit) {
        return jdbc.list("SELECT " + COLUMNS + """
                 FROM accounts
                WHERE ?::text IS NULL OR lower(username) > ?
                ORDER BY lower(username)
                LIMIT ?""", AccountRepository::account, afterUsernameKey, afterUsernameKey, limit + 1);
    }

    /** Guarded update: only when the row is still at the version the client read. True when it updated. */
    boolean update(UUID id, long expectedVersion, String displayName, String passwordHash, Collection<Role> roles,
                   Collection<String> languages, boolean active, Instant now) {
        return jdbc.update("""
                UPDATE accounts
                   SET display_name = ?, password_hash = coalesce(?, password_hash), roles = ?, languages = ?,
                       active = ?, version = version + 1, updated_at = ?
                 WHERE id = ? AND version = ?""",
                displayName, passwordHash, roles, languages, active, now, id, expectedVersion) == 1;
    }

    boolean any() {
        return jdbc.one("SELECT EXISTS (SELECT 1 FROM accounts)", row -> row.getBoolean(1)).orElse(false);
    }

    /** Serializes account changes across instances for the rest of the transaction. */
    void lockAccountChanges() {
        jdbc.one("SELECT pg_advisory_xact_lock(hashtextextended('newsdesk accounts', 0))", row -> 1);
    }

    long countActiveAdmins() {
        return jdbc.one("SELECT count(*) FROM accounts WHERE active AND 'ADMIN' = ANY (roles)",
                row -> row.getLong(1)).orElse(0L);
    }

    static Account account(ResultSet row) throws SQLException {
        return new Account(Jdbc.uuid(row, "id"), row.getString("username"), row.getString("display_name"),
                roles(Jdbc.strings(row, "roles")), Jdbc.strings(row, "languages"), row.getBoolean("active"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), row.getLong("version"));
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> Role.parse(name).ifPresent(roles::add));
        return roles;
    }
}
