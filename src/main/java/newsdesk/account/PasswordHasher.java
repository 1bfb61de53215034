package newsdesk.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.platform.TooManyRequests;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet's first recommendation (19 MiB, 2 iterations,
 * 1 lane), stored as a PHC string so parameters can be raised later without breaking old hashes.
 * At most newsdesk.login.max.concurrent.hashes hashes run at once (default: one per core): a flood of
 * sign-ins waits briefly for a turn and is then refused with 429, instead of queueing without bound.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @Inject
    @ConfigProperty(name = "newsdesk.login.max.concurrent.hashes")
    Optional<Integer> configuredTurns;

    private Semaphore turns;
    private final Duration wait;

    public PasswordHasher() {
        this(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
    }

    PasswordHasher(int concurrentHashes, Duration wait) {
        this.turns = new Semaphore(concurrentHashes);
        this.wait = wait;
    }

    @PostConstruct
    void sizeFromConfig() {
        configuredTurns.filter(n -> n > 0).ifPresent(n -> turns = new Semaphore(n));
    }

    public String hash(String password) {
        return inTurn(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    public boolean verify(String password, String phcHash) {
        return inTurn(() -> Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash)));
    }

    /** Spends the same time as a real verification and always fails. */
    public boolean verifyDecoy(String password) {
        verify(password, Decoy.HASH);
        return false;
    }

    /** Runs one hash when a turn is free within the wait; 429 otherwise. */
    <T> T inTurn(Supplier<T> hashing) {
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TooManyRequests("The server is busy checking other passwords; try again in a moment",
                        RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyRequests("Interrupted while waiting to check the password; try again", RETRY_AFTER);
        }
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }

    /**
     * Verified against when the username is unknown, so both paths cost the same time. Hashed on the first
     * unknown sign-in (which takes one hash longer, once), not while the application deploys: a cold Argon2
     * hash there was ~2 % of the start's CPU samples.
     */
    private static final class Decoy {
        static final String HASH = Password.hash("decoy password").addRandomSalt(16).with(ARGON2ID).getResult();
    }
}
