package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Idempotency keys of creating POSTs, per account and endpoint. */
@ApplicationScoped
public class IdempotencyRepository {

    @Inject
    Jdbc jdbc;

    record Stored(byte[] requestHash, UUID resourceId) {
    }

    /**
     * Claims the key for this request (with the resource's id when it is known up front, else null until
     * {@link #complete}); false when it was already claimed. A concurrent claim of the same
     * key waits on the unique index until the first transaction ends, then sees it.
     */
    boolean claim(UUID accountId, String scope, String key, byte[] requestHash, UUID resourceId, Instant now) {
        return jdbc.update("""
                INSERT INTO idempotency_keys (account_id, scope, key, request_hash, resource_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", accountId, scope, key, requestHash, resourceId, now) == 1;
    }

    /**
     * {@link #claim} as a CTE named {@code claimed} of a caller's statement: a row when this request claimed the
     * key. Parameters: account, scope, key, request hash, resource id, time.
     */
    static final String CLAIM_CTE = """
            claimed AS (
                INSERT INTO idempotency_keys (account_id, scope, key, request_hash, resource_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING 1)""";

    /**
     * The key as the last CTE of a creating statement committed on its own, written only with what the CTE named
     * {@code %1$s} created; no ON CONFLICT: a key another request holds makes the statement fail whole, on
     * {@link #PRIMARY_KEY}, with nothing written. Parameters as {@link #CLAIM_CTE}.
     */
    static final String KEY_LAST_CTE = """
            claimed AS (
                INSERT INTO idempotency_keys (account_id, scope, key, request_hash, resource_id, created_at)
                SELECT ?, ?, ?, ?, ?, ? FROM %1$s
                RETURNING 1)""";

    /** The keys' unique constraint. */
    public static final String PRIMARY_KEY = "idempotency_keys_pkey";

    /** The same CTE for a request without a key: there is nothing to claim, so it always has its row. */
    static final String NO_CLAIM_CTE = "claimed AS (SELECT 1)";

    Optional<Stored> find(UUID accountId, String scope, String key) {
        return jdbc.one("SELECT request_hash, resource_id FROM idempotency_keys WHERE account_id = ? AND scope = ? AND key = ?",
                row -> new Stored(row.getBytes("request_hash"), Jdbc.uuid(row, "resource_id")), accountId, scope, key);
    }

    void complete(UUID accountId, String scope, String key, UUID resourceId) {
        jdbc.update("UPDATE idempotency_keys SET resource_id = ? WHERE account_id = ? AND scope = ? AND key = ?",
                resourceId, accountId, scope, key);
    }

    /** Deletes keys created before {@code before}; returns how many. */
    int purge(java.time.Instant before) {
        return jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", before);
    }
}
