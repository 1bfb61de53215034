package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** API tokens, stored only as SHA-256 of the secret. */
@ApplicationScoped
public class TokenRepository {

    @Inject
    Jdbc jdbc;

    /** A stored token with its account, whatever its state; the service decides whether it admits. */
    record StoredToken(UUID tokenId, String kind, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt, Account account) {
    }

    /** Kinds of token: {@code api} (bearer header) and {@code session} (the desk's cookie). */
    static final String API = "api";
    static final String SESSION = "session";

    void insert(UUID id, UUID accountId, byte[] hash, String name, String kind, Instant now, Instant expiresAt) {
        jdbc.update("""
                INSERT INTO api_tokens (id, account_id, token_hash, name, kind, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, accountId, hash, name, kind, now, expiresAt);
    }

    Optional<StoredToken> findByHash(byte[] hash) {
        return jdbc.one("""
                SELECT t.id AS token_id, t.kind, t.created_at AS token_created_at, t.expires_at, t.revoked_at, t.last_used_at,
                       a.id, a.username, a.display_name, a.roles, a.languages, a.active, a.version,
                       a.created_at, a.updated_at
                  FROM api_tokens t JOIN accounts a ON a.id = t.account_id
                 WHERE t.token_hash = ?""",
                row -> new StoredToken(Jdbc.uuid(row, "token_id"), row.getString("kind"),
                        Jdbc.instant(row, "token_created_at"), Jdbc.instant(row, "expires_at"),
                        Jdbc.instant(row, "revoked_at"), Jdbc.instant(row, "last_used_at"),
                        AccountRepository.account(row)),
                hash);
    }

    /** Records use at most once per interval, so reads don't turn every request into a write. */
    void touch(UUID id, Instant now, Instant notUsedSince) {
        jdbc.update("""
                UPDATE api_tokens SET last_used_at = ?
                 WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""", now, id, notUsedSince);
    }

    void revokeAll(UUID accountId, Instant now) {
        jdbc.update("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", now, accountId);
    }

    /** Revokes the token and, in the same statement, tells every instance's {@link TokenCache} to forget it. */
    void revoke(UUID id, Instant now) {
        jdbc.list("""
                WITH revoked AS (UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id)
                SELECT pg_notify(?, ?) FROM revoked""",
                row -> true, now, id, TokenCache.CHANNEL, TokenCache.tokenPayload(id));
    }

    /** Tells every instance's {@link TokenCache}, once the transaction commits, that the account changed. */
    void announceAccountChange(UUID accountId) {
        jdbc.one("SELECT pg_notify(?, ?)", row -> true, TokenCache.CHANNEL, TokenCache.accountPayload(accountId));
    }

    /** Deletes tokens that expired or were revoked before {@code before}; returns how many. */
    int purgeEnded(Instant before) {
        return jdbc.update("DELETE FROM api_tokens WHERE expires_at < ? OR revoked_at < ?", before, before);
    }
}
