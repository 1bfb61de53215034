package newsdesk.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's view of the configuration, resolved the way MicroProfile Config resolves it inside
 * the application: system property, then environment variable ({@code newsdesk.db.url} is
 * {@code NEWSDESK_DB_URL}), then the defaults in {@code META-INF/microprofile-config.properties}.
 * The launcher runs before the container, so it cannot use MicroProfile Config itself.
 */
final class Settings {

    private final Properties defaults = new Properties();

    Settings() {
        try (InputStream in = Settings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration defaults", e);
        }
    }

    /** The value, or empty when it is unset or blank (MicroProfile Config treats "" as unset). */
    Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(environmentName(key));
        }
        if (value == null) {
            value = defaults.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    String require(String key) {
        return get(key).orElseThrow(() -> new LaunchFailure(
                "the setting " + key + " (" + environmentName(key) + ") has no value"));
    }

    int integer(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LaunchFailure(environmentName(key) + " must be a whole number, not '" + value + "'");
        }
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
