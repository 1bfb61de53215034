package newsdesk.account;

import newsdesk.platform.TooManyRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void whenEveryTurnIsTakenAHashWaitsBrieflyThenIsRefusedWith429() throws Exception {
        PasswordHasher oneAtATime = new PasswordHasher(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> oneAtATime.inTurn(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        busy.start();
        holding.await();

        TooManyRequests refused = assertThrows(TooManyRequests.class, () -> oneAtATime.hash("a long password"));
        assertEquals(429, refused.code().status());
        assertTrue(refused.retryAfter().toSeconds() >= 1);

        release.countDown();
        busy.join();
        assertTrue(oneAtATime.verify("a long password", oneAtATime.hash("a long password")));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
