package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Jdbc;
import newsdesk.platform.Notifications;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer tokens and desk sessions this instance admitted, by hash, so a request costs no lookup. A revocation or account change
 * made here drops the entries once it commits; other instances hear it on {@link #CHANNEL} (sent inside the
 * changing transaction, so only committed changes are announced). While that connection is down an entry is
 * trusted for at most {@code newsdesk.tokens.staleness.seconds}, and never for more than {@link #MAX_AGE}
 * (a notification lost without the connection noticing). Expiry is not cached: it is checked per request.
 */
@ApplicationScoped
public class TokenCache implements Notifications.Subscriber {

    public static final String CHANNEL = "newsdesk_tokens";
    /** How the listening connection shows in pg_stat_activity (and how an operator or a test finds it). */
    public static final String APPLICATION_NAME = "newsdesk tokens listener";
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    /** An admitted token: the caller it stands for, until when, and when its use was last recorded. */
    static final class Entry {
        final UUID tokenId;
        final UUID accountId;
        final Instant expiresAt;
        final Caller caller;
        final long loadedNanos = System.nanoTime();
        volatile Instant lastUsedAt;

        Entry(UUID tokenId, UUID accountId, Instant expiresAt, Caller caller, Instant lastUsedAt) {
            this.tokenId = tokenId;
            this.accountId = accountId;
            this.expiresAt = expiresAt;
            this.caller = caller;
            this.lastUsedAt = lastUsedAt;
        }
    }

    @Inject
    Notifications notifications;

    @Inject
    Jdbc jdbc;

    @Inject
    @ConfigProperty(name = "newsdesk.tokens.staleness.seconds", defaultValue = "5")
    int stalenessSeconds;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every eviction: a lookup that started before it must not put what it read. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        notifications.listen(CHANNEL, APPLICATION_NAME, staleness(), this);
    }

    static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** A desk session's key: apart from bearer tokens', so a session's secret never passes as a bearer token. */
    static String sessionKey(byte[] hash) {
        return "session:" + key(hash);
    }

    /** The entry for a hash if it may still be trusted. */
    Entry get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        long age = System.nanoTime() - entry.loadedNanos;
        if (age > MAX_AGE.toNanos() || (!listening && age > staleness().toNanos())) {
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }

    /** Read before the lookup whose result goes to {@link #put}. */
    long generation() {
        return generation.get();
    }

    void put(String key, Entry entry, long generationBeforeLookup) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, entry);
        // An eviction that ran during the lookup may concern what it read: drop it rather than trust it.
        if (generation.get() != generationBeforeLookup) {
            entries.remove(key, entry);
        }
    }

    /** Once the current transaction commits (at once outside one), this instance forgets the token. */
    void forgetTokenAfterCommit(UUID tokenId) {
        jdbc.afterCommit(() -> forgetToken(tokenId));
    }

    /** Once the current transaction commits (at once outside one), this instance forgets the account's tokens. */
    void forgetAccountAfterCommit(UUID accountId) {
        jdbc.afterCommit(() -> forgetAccount(accountId));
    }

    void forget(String key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    private void forgetToken(UUID tokenId) {
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.tokenId.equals(tokenId));
    }

    private void forgetAccount(UUID accountId) {
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.accountId.equals(accountId));
    }

    private void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** {@code token:<id>} or {@code account:<id>}. */
    static String tokenPayload(UUID tokenId) {
        return "token:" + tokenId;
    }

    static String accountPayload(UUID accountId) {
        return "account:" + accountId;
    }

    @Override
    public void listening() {
        // Whatever was revoked while no one listened is read again.
        forgetAll();
        listening = true;
    }

    @Override
    public void notified(String payload) {
        try {
            if (payload.startsWith("token:")) {
                forgetToken(UUID.fromString(payload.substring("token:".length())));
            } else if (payload.startsWith("account:")) {
                forgetAccount(UUID.fromString(payload.substring("account:".length())));
            } else {
                forgetAll();
            }
        } catch (IllegalArgumentException garbled) {
            forgetAll();
        }
    }

    @Override
    public void notListening() {
        listening = false;
    }

    private Duration staleness() {
        return Duration.ofSeconds(Math.max(1, stalenessSeconds));
    }
}
