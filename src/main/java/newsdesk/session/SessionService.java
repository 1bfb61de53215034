package newsdesk.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.account.Account;
import newsdesk.account.AccountService;
import newsdesk.account.Caller;
import newsdesk.account.IssuedToken;
import newsdesk.account.TokenService;
import newsdesk.platform.Hashes;
import newsdesk.platform.InTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Desk sessions: sign-in, who is signed in, the CSRF token, the interface language, sign-out. */
@ApplicationScoped
public class SessionService {

    static final List<String> INTERFACE_LANGUAGES = List.of("uk", "ru", "en");

    @Inject
    TokenService tokens;

    @Inject
    AccountService accounts;

    @Inject
    DeskPreferenceRepository preferences;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.session.idle.minutes", defaultValue = "30")
    long idleMinutes;

    @Inject
    @ConfigProperty(name = "newsdesk.desk.session.hours", defaultValue = "12")
    long lifetimeHours;

    /** A new session: the secret goes into the cookie and nowhere else. */
    public record Started(String secret, DeskSession session) {
    }

    /**
     * Signs in with username and password (anyone may call): 401 for wrong credentials, 429 when
     * throttled, exactly as for API tokens, whose checks and throttle it shares.
     */
    public Started signIn(SignInRequest request, String clientAddress) {
        IssuedToken token = tokens.issueSession(request.username(), request.password(), clientAddress,
                Duration.ofHours(lifetimeHours));
        Caller caller = tokens.authenticateSession(token.token(), idle()).orElseThrow();
        return new Started(token.token(), describe(caller, Optional.of(token.token())));
    }

    /** The account behind a session cookie, if the session is alive (not expired, revoked or idle too long). */
    public Optional<Caller> authenticate(String secret) {
        return tokens.authenticateSession(secret, idle());
    }

    /** The signed-in caller as the desk shows them; the CSRF token only for a cookie-borne session. */
    public DeskSession describe(Caller caller, Optional<String> sessionSecret) {
        Account account = accounts.get(caller.accountId());
        return new DeskSession(account.id(), account.username(), account.displayName(), account.roles(),
                account.languages(), language(account), sessionSecret.map(SessionService::csrfToken).orElse(null),
                idleMinutes);
    }

    /** Chooses the desk's language for the signed-in caller (any signed-in account). */
    @InTransaction
    public DeskSession chooseLanguage(Caller caller, LanguageChoice choice, Optional<String> sessionSecret) {
        preferences.setLanguage(caller.accountId(), choice.language(), clock.instant());
        return describe(caller, sessionSecret);
    }

    /** Ends the session (or the token) the caller used: it stops working at once. */
    public void signOut(Caller caller) {
        tokens.revoke(caller);
    }

    /**
     * The CSRF token of a session, derived from its secret (SHA-256 of a label and the secret): a page
     * on another site can neither read the HttpOnly cookie nor this server's answers, so it cannot
     * know the token, and nothing more has to be stored.
     */
    static String csrfToken(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256("newsdesk-csrf:" + secret));
    }

    /** Whether a request's {@code X-CSRF-Token} belongs to the session, compared in constant time. */
    static boolean csrfMatches(String secret, String header) {
        return header != null && MessageDigest.isEqual(csrfToken(secret).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.UTF_8));
    }

    private String language(Account account) {
        return preferences.language(account.id())
                .or(() -> account.languages().stream().filter(INTERFACE_LANGUAGES::contains).findFirst())
                .orElse("en");
    }

    private Duration idle() {
        return Duration.ofMinutes(idleMinutes);
    }
}
