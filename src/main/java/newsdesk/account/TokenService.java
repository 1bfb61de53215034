package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.Hashes;
import newsdesk.platform.TooManyRequests;
import newsdesk.platform.Unauthenticated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Signing in (username + password → bearer token), recognising tokens on requests, and signing out. */
@ApplicationScoped
public class TokenService {

    private static final String PREFIX = "nd_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRONG_CREDENTIALS = "Wrong username or password";

    @Inject
    TokenRepository tokens;

    @Inject
    AccountRepository accounts;

    @Inject
    SignInThrottle throttle;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenCache cache;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.tokens.ttl.hours", defaultValue = "168")
    long ttlHours;

    /**
     * Checks the password and issues a token (anyone may call). 401 for a wrong username or password
     * (the same answer and the same time for both; a username no account can have is refused without a
     * lookup), 429 after too many failures from the client's address, for that username or overall.
     * Each step commits on its own: a failed attempt must be counted even though the call fails.
     */
    public IssuedToken issue(LoginRequest request, String clientAddress) {
        UUID accountId = checkPassword(request, clientAddress);
        String name = request.name() == null || request.name().isBlank() ? "api" : request.name().strip();
        return insert(accountId, name, TokenRepository.API, Duration.ofHours(ttlHours));
    }

    /**
     * Signs in to the desk (anyone may call): the same password check, throttle and answers as
     * {@link #issue}, but the secret is a browser session's, valid as a cookie only, for at most
     * {@code lifetime} and only while it is used at least once per idle period.
     */
    public IssuedToken issueSession(String username, String password, String clientAddress, Duration lifetime) {
        UUID accountId = checkPassword(new LoginRequest(username, password, null), clientAddress);
        return insert(accountId, "desk", TokenRepository.SESSION, lifetime);
    }

    private UUID checkPassword(LoginRequest request, String clientAddress) {
        String usernameKey = Usernames.key(request.username())
                .orElseThrow(() -> new Unauthenticated(WRONG_CREDENTIALS));
        SignInThrottle.Attempt attempt = throttle.admit(usernameKey, clientAddress);
        Optional<AccountRepository.Credentials> credentials = accounts.credentials(usernameKey);
        boolean verified;
        try {
            verified = credentials
                    .map(c -> hasher.verify(request.password(), c.passwordHash()))
                    .orElseGet(() -> hasher.verifyDecoy(request.password()));
        } catch (TooManyRequests busy) {
            // Not a failure: the password was never checked, so a retry must not bring the lock closer.
            throttle.unchecked(attempt);
            throw busy;
        }
        if (!verified) {
            throw new Unauthenticated(WRONG_CREDENTIALS);
        }
        if (!credentials.get().active()) {
            throw new Unauthenticated("This account is deactivated; ask an admin");
        }
        throttle.succeeded(attempt);
        return credentials.get().accountId();
    }

    private IssuedToken insert(UUID accountId, String name, String kind, Duration lifetime) {
        Instant now = clock.instant();
        String secret = PREFIX + randomSecret();
        UUID id = UUID.randomUUID();
        Instant expiresAt = now.plus(lifetime);
        tokens.insert(id, accountId, Hashes.sha256(secret), name, kind, now, expiresAt);
        return new IssuedToken(id, name, secret, expiresAt);
    }

    /** The caller a bearer token stands for; 401 when it is unknown, expired, revoked or its account inactive. */
    public Caller authenticate(String secret) {
        Instant now = clock.instant();
        byte[] hash = Hashes.sha256(secret);
        String key = TokenCache.key(hash);
        TokenCache.Entry cached = cache.get(key);
        if (cached != null) {
            if (!now.isBefore(cached.expiresAt)) {
                cache.forget(key);
                throw expired(cached.expiresAt);
            }
            if (touchDue(cached.lastUsedAt, now)) {
                tokens.touch(cached.tokenId, now, now.minus(TOUCH_INTERVAL));
                cached.lastUsedAt = now;
            }
            return cached.caller;
        }
        long generation = cache.generation();
        TokenRepository.StoredToken token = tokens.findByHash(hash)
                .filter(t -> TokenRepository.API.equals(t.kind()))
                .orElseThrow(() -> new Unauthenticated("Unknown token; sign in at POST /api/auth/tokens"));
        Caller caller = admit(token, now);
        cache.put(key, new TokenCache.Entry(token.tokenId(), caller.accountId(), token.expiresAt(), caller, now),
                generation);
        return caller;
    }

    private static boolean touchDue(Instant lastUsedAt, Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minus(TOUCH_INTERVAL));
    }

    private static Unauthenticated expired(Instant expiresAt) {
        return new Unauthenticated("This token expired at " + expiresAt + "; sign in again");
    }

    /**
     * The caller a desk session cookie stands for, if it is still good: a session unused for
     * {@code idle} has lapsed, like an expired or revoked one. Empty rather than 401, so a stale cookie
     * leaves the request anonymous and the endpoint's own access rule answers.
     */
    public Optional<Caller> authenticateSession(String secret, Duration idle) {
        Instant now = clock.instant();
        byte[] hash = Hashes.sha256(secret);
        String key = TokenCache.sessionKey(hash);
        TokenCache.Entry cached = cache.get(key);
        // A cached session that looks lapsed is read again: another instance may have recorded a later use.
        if (cached != null && now.isBefore(cached.expiresAt) && now.isBefore(cached.lastUsedAt.plus(idle))) {
            if (touchDue(cached.lastUsedAt, now)) {
                tokens.touch(cached.tokenId, now, now.minus(TOUCH_INTERVAL));
                cached.lastUsedAt = now;
            }
            return Optional.of(cached.caller);
        }
        long generation = cache.generation();
        Optional<TokenRepository.StoredToken> stored = tokens.findByHash(hash)
                .filter(t -> TokenRepository.SESSION.equals(t.kind()))
                .filter(t -> t.account().active() && t.revokedAt() == null && now.isBefore(t.expiresAt()))
                .filter(t -> now.isBefore((t.lastUsedAt() == null ? t.createdAt() : t.lastUsedAt()).plus(idle)));
        if (stored.isEmpty()) {
            if (cached != null) { // only then: every forget makes lookups under way drop what they read
                cache.forget(key);
            }
            return Optional.empty();
        }
        TokenRepository.StoredToken token = stored.get();
        // The use as the database holds it after admit (which records it when due), so idle lapses as it would there.
        Instant lastUsed = touchDue(token.lastUsedAt(), now) ? now : token.lastUsedAt();
        Caller caller = admit(token, now);
        cache.put(key, new TokenCache.Entry(token.tokenId(), caller.accountId(), token.expiresAt(), caller, lastUsed),
                generation);
        return Optional.of(caller);
    }

    private Caller admit(TokenRepository.StoredToken token, Instant now) {
        Account account = token.account();
        if (!account.active()) {
            throw new Unauthenticated("This account is deactivated; ask an admin");
        }
        if (token.revokedAt() != null) {
            throw new Unauthenticated("This token was revoked; sign in again");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw expired(token.expiresAt());
        }
        if (touchDue(token.lastUsedAt(), now)) {
            tokens.touch(token.tokenId(), now, now.minus(TOUCH_INTERVAL));
        }
        return new Caller(account.id(), account.username(), account.roles(), account.languages(), token.tokenId());
    }

    /** Signs out: the token stops working at once here, and on other instances as soon as they hear of it. */
    public void revoke(Caller caller) {
        tokens.revoke(caller.tokenId(), clock.instant());
        cache.forgetTokenAfterCommit(caller.tokenId());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
