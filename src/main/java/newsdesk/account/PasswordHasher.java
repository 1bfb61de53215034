package newsdesk.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet's first recommendation (19 MiB, 2 iterations,
 * 1 lane), stored as a PHC string so parameters can be raised later without breaking old hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the username is unknown, so both paths cost the same time. */
    private static final String DECOY = Password.hash("decoy password").addRandomSalt(16).with(ARGON2ID).getResult();

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean verify(String password, String phcHash) {
        return Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash));
    }

    /** Spends the same time as a real verification and always fails. */
    public boolean verifyDecoy(String password) {
        verify(password, DECOY);
        return false;
    }
}
