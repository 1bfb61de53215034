package newsdesk.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Usernames are ASCII letters, digits, dots, dashes and underscores, and compare case-insensitively
 * through {@link #key}: the one normalisation that both the sign-in throttle and the lookup use (a
 * Unicode lower-casing in Java and another in PostgreSQL once let {@code İ} slip past the throttle).
 */
final class Usernames {

    static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final String RULE = "use 1 to 64 letters, digits, dots, dashes or underscores";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Usernames() {
    }

    /** The lower-cased ASCII key of a valid username; empty for one no account can have. */
    static Optional<String> key(String username) {
        return username != null && VALID.matcher(username).matches()
                ? Optional.of(username.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
