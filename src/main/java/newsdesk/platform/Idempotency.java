package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Idempotency-Key for creating POSTs: the first request creates, a replay with the same body gets the
 * same resource back, the same key with another body is 422. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Idempotency {

    @Inject
    IdempotencyRepository keys;

    @Inject
    Clock clock;

    /** What happened: the resource's id, and whether it was created now or by an earlier request. */
    public record Outcome(UUID resourceId, boolean replayed) {
    }

    /**
     * For a creation whose id is chosen up front: the key is stored with that id in one statement (nobody
     * sees it before the transaction commits, so it never shows as unfinished), then {@code create} runs.
     */
    public Outcome create(UUID accountId, String scope, String key, Object request, UUID id, Runnable create) {
        if (key == null) {
            create.run();
            return new Outcome(id, false);
        }
        byte[] hash = hash(key, request);
        if (keys.claim(accountId, scope, key, hash, id, clock.instant())) {
            create.run();
            return new Outcome(id, false);
        }
        return replay(accountId, scope, key, hash, request);
    }

    /**
     * The key's claim, for a creating statement that makes it itself (a round trip saved): {@link #cte} goes
     * into the statement with {@link #params}, and the statement writes only when the CTE {@code claimed} has a row.
     */
    public record Claim(String cte, List<Object> params) {
    }

    /**
     * As {@link #create(UUID, String, String, Object, UUID, Runnable)}, for a creation that claims the key in its
     * own statement: {@code create} runs that statement and answers whether the claim was made (false: an
     * earlier request holds the key, and its resource is answered, or 422 for another body).
     */
    public Outcome createClaiming(UUID accountId, String scope, String key, Object request, UUID id,
                                  Predicate<Claim> create) {
        if (key == null) {
            if (!create.test(new Claim(IdempotencyRepository.NO_CLAIM_CTE, List.of()))) {
                throw new IllegalStateException("nothing to claim, yet the claim failed");
            }
            return new Outcome(id, false);
        }
        byte[] hash = hash(key, request);
        if (create.test(new Claim(IdempotencyRepository.CLAIM_CTE, Arrays.asList(accountId, scope, key, hash, id,
                clock.instant())))) {
            return new Outcome(id, false);
        }
        return replay(accountId, scope, key, hash, request);
    }

    /**
     * The key written last by a creating statement that commits on its own, only with what its CTE {@code created}
     * made (so a refused or failed creation leaves no key behind); empty without a key. When another request holds
     * the key, the statement fails whole on {@link IdempotencyRepository#PRIMARY_KEY}: answer it with {@link #replayed}.
     */
    public Optional<Claim> lastInStatement(UUID accountId, String scope, String key, Object request, UUID id,
                                           String created) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(IdempotencyRepository.KEY_LAST_CTE.formatted(created),
                Arrays.asList(accountId, scope, key, hash(key, request), id, clock.instant())));
    }

    /** The earlier request's outcome for a key already taken: its resource, or 422 for another body. */
    public Outcome replayed(UUID accountId, String scope, String key, Object request) {
        return replay(accountId, scope, key, hash(key, request), request);
    }

    public Outcome create(UUID accountId, String scope, String key, Object request, Supplier<UUID> create) {
        if (key == null) {
            return new Outcome(create.get(), false);
        }
        byte[] hash = hash(key, request);
        if (keys.claim(accountId, scope, key, hash, null, clock.instant())) {
            UUID id = create.get();
            keys.complete(accountId, scope, key, id);
            return new Outcome(id, false);
        }
        return replay(accountId, scope, key, hash, request);
    }

    private static byte[] hash(String key, Object request) {
        if (key.isBlank() || key.length() > 200) {
            throw Invalid.field("Idempotency-Key", "must be 1 to 200 characters");
        }
        return RequestFingerprint.of(request);
    }

    private Outcome replay(UUID accountId, String scope, String key, byte[] hash, Object request) {
        Optional<IdempotencyRepository.Stored> stored = keys.find(accountId, scope, key);
        if (stored.isEmpty() || stored.get().resourceId() == null) {
            throw new Conflict(ErrorCode.CONFLICT, "A request with this Idempotency-Key is still being processed");
        }
        if (!sameRequest(stored.get().requestHash(), hash, request)) {
            throw Invalid.field("Idempotency-Key", "was already used with a different request body");
        }
        return new Outcome(stored.get().resourceId(), true);
    }

    /** Whether the key was stored for this request: by its fingerprint, or by the older one for keys stored before it. */
    static boolean sameRequest(byte[] stored, byte[] fingerprint, Object request) {
        return Arrays.equals(stored, fingerprint) || Arrays.equals(stored, RequestFingerprint.legacy(request));
    }
}
