package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.platform.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * On the very first start (no account at all) creates {@code admin} with NEWSDESK_ADMIN_PASSWORD, or
 * with a random password printed once. Safe when several instances start together: only one inserts.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final System.Logger LOG = System.getLogger(FirstAdmin.class.getName());
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "newsdesk.admin.password")
    Optional<String> configuredPassword;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (accounts.any()) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::randomPassword);
        boolean created = accounts.insertIfAbsent(UUID.randomUUID(), "admin", "Administrator", hasher.hash(password),
                EnumSet.of(Role.ADMIN), clock.instant());
        if (created && configuredPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.log(Level.WARNING, "Created the account admin with the password " + password
                    + " (shown only this once; change it with PATCH /api/accounts/{id})");
        } else if (created) {
            LOG.log(Level.INFO, "Created the account admin with the password from NEWSDESK_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
