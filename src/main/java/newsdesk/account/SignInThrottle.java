package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Periodic;
import newsdesk.platform.TooManyRequests;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in throttling. Failures count per username <em>and client address</em>, and per client address over
 * all usernames; never per username alone, or any stranger could lock anyone out (admin included) by
 * guessing. A throttled attempt is refused before the password is hashed, so it costs no CPU. Windows
 * older than the throttling window are purged every newsdesk.login.purge.seconds on every instance.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final System.Logger LOG = System.getLogger(SignInThrottle.class.getName());

    @Inject
    LoginFailureRepository failures;

    @Inject
    Clock clock;

    @Inject
    Periodic periodic;

    @Inject
    @ConfigProperty(name = "newsdesk.login.max.failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "newsdesk.login.address.max.failures", defaultValue = "50")
    int maxAddressFailures;

    @Inject
    @ConfigProperty(name = "newsdesk.login.window.minutes", defaultValue = "15")
    long windowMinutes;

    @Inject
    @ConfigProperty(name = "newsdesk.login.purge.seconds", defaultValue = "300")
    long purgeSeconds;

    /** The two counters one sign-in attempt was counted on. */
    record Attempt(String usernameFromAddress, String fromAddress) {
    }

    /**
     * Counts an attempt on both counters before the (slow) password check, each in one statement, so a
     * burst of parallel guesses can't all slip under a limit. 429 with Retry-After when either is over.
     */
    Attempt admit(String usernameKey, String clientAddress) {
        Attempt attempt = new Attempt(usernameKey + "@" + clientAddress, "@" + clientAddress);
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(windowMinutes);
        check(failures.record(attempt.fromAddress(), now, now.minus(window)), maxAddressFailures, now, window,
                "Too many failed sign-ins from your address; try again later");
        check(failures.record(attempt.usernameFromAddress(), now, now.minus(window)), maxFailures, now, window,
                "Too many failed sign-ins for " + usernameKey + " from your address; try again later");
        return attempt;
    }

    /**
     * The password was right: this username starts afresh from this address, and the address takes back
     * this one attempt (not the others': a valid account must not launder an address's guesses).
     */
    void succeeded(Attempt attempt) {
        failures.clear(attempt.usernameFromAddress());
        failures.forgive(attempt.fromAddress());
    }

    /** The password could not be checked (the server was busy): neither counter keeps this attempt. */
    void unchecked(Attempt attempt) {
        failures.forgive(attempt.usernameFromAddress());
        failures.forgive(attempt.fromAddress());
    }

    private static void check(LoginFailureRepository.Window counted, int limit, Instant now, Duration window,
                              String detail) {
        if (counted.failures() > limit) {
            throw new TooManyRequests(detail, Duration.between(now, counted.startedAt().plus(window)));
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every("sign-in failure purge", Duration.ofSeconds(purgeSeconds), this::purgeOldWindows);
    }

    private void purgeOldWindows() {
        int purged = failures.purge(clock.instant().minus(Duration.ofMinutes(windowMinutes)));
        LOG.log(Level.DEBUG, "purged {0} old sign-in failure window(s)", purged);
    }
}
