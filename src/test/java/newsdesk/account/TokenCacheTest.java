package newsdesk.account;

import newsdesk.platform.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The revocation bound of remembered tokens, without a server: what TokenCacheIT cannot force (a listener that stays down). */
class TokenCacheTest {

    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();

    private TokenCache cache() {
        TokenCache cache = new TokenCache();
        cache.stalenessSeconds = 1;
        return cache;
    }

    private TokenCache.Entry entry() {
        Caller caller = new Caller(accountId, "olena", Set.of(Role.TRANSLATOR), List.of("en"), tokenId);
        return new TokenCache.Entry(tokenId, accountId, Instant.now().plusSeconds(3600), caller, Instant.now());
    }

    @Test
    void whileListeningATokenIsRememberedUntilANotificationNamesItOrItsAccount() {
        TokenCache cache = cache();
        cache.listening();
        cache.put("a", entry(), cache.generation());
        assertNotNull(cache.get("a"));
        cache.notified(TokenCache.tokenPayload(UUID.randomUUID()));
        assertNotNull(cache.get("a"), "another token's revocation leaves it");
        cache.notified(TokenCache.tokenPayload(tokenId));
        assertNull(cache.get("a"));

        cache.put("a", entry(), cache.generation());
        cache.notified(TokenCache.accountPayload(accountId));
        assertNull(cache.get("a"));
    }

    @Test
    void whileNotListeningATokenIsTrustedForAtMostTheStalenessBound() throws InterruptedException {
        TokenCache cache = cache();
        cache.notListening();
        cache.put("a", entry(), cache.generation());
        assertNotNull(cache.get("a"));
        Thread.sleep(1_100);
        assertNull(cache.get("a"), "read again after newsdesk.tokens.staleness.seconds");
    }

    @Test
    void aLookupThatRacedAnEvictionIsNotRemembered() {
        TokenCache cache = cache();
        cache.listening();
        long before = cache.generation();
        // A revocation commits while the lookup (which may have read the token still valid) is under way.
        cache.notified(TokenCache.tokenPayload(tokenId));
        cache.put("a", entry(), before);
        assertNull(cache.get("a"));
    }

    @Test
    void reconnectingForgetsEverything() {
        TokenCache cache = cache();
        cache.listening();
        cache.put("a", entry(), cache.generation());
        cache.notListening();
        cache.listening();
        assertNull(cache.get("a"), "a revocation may have been missed while not listening");
    }
}
