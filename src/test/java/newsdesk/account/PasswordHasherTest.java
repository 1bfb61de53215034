package newsdesk.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idPhcStringsAtOwaspParameters() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("пароль-пароль"), hasher.hash("пароль-пароль"));
    }

    @Test
    void verificationAcceptsOnlyTheRightPassword() {
        String hash = hasher.hash("пароль-пароль");
        assertTrue(hasher.verify("пароль-пароль", hash));
        assertFalse(hasher.verify("пароль-парол", hash));
        assertFalse(hasher.verifyDecoy("пароль-пароль"));
    }
}
