package newsdesk.launcher;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Brings the schema up to date before the application is deployed, so that an unreachable database or
 * a failed migration stops the start instead of leaving a server that answers 500.
 */
final class Migrations {

    private static final String MIGRATIONS = "db/migration";

    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    /**
     * Waits up to {@code waitSeconds} for the database to accept a connection, retrying with a growing pause
     * (one log line per failed attempt): a database restarting or busy with a failover must not end the start.
     */
    static void checkReachable(DatabaseTarget db, int timeoutSeconds, int waitSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, waitSeconds));
        long pauseMillis = 250;
        for (int attempt = 1; ; attempt++) {
            try {
                connectOnce(db, timeoutSeconds);
                return;
            } catch (SQLException e) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new LaunchFailure("cannot reach the database at " + withoutSecrets(db.url()) + ": "
                            + EmbeddedDatabase.rootMessage(e)
                            + " (check NEWSDESK_DB_URL, NEWSDESK_DB_USER and NEWSDESK_DB_PASSWORD"
                            + (waitSeconds > 0 ? "; waited " + waitSeconds + " s, NEWSDESK_DB_CONNECT_WAIT_SECONDS)" : ")"), e);
                }
                long pause = Math.min(pauseMillis, left);
                LOG.log(Level.WARNING, "database at {0} not reachable yet (attempt {1}): {2}; trying again in {3,number,#} ms",
                        withoutSecrets(db.url()), attempt, EmbeddedDatabase.rootMessage(e), pause);
                sleep(pause);
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    private static void connectOnce(DatabaseTarget db, int timeoutSeconds) throws SQLException {
        Properties props = new Properties();
        if (db.user() != null && !db.user().isEmpty()) {
            props.setProperty("user", db.user());
        }
        if (db.password() != null && !db.password().isEmpty()) {
            props.setProperty("password", db.password());
        }
        props.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        props.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        try (Connection ignored = DriverManager.getConnection(db.url(), props)) {
            LOG.log(Level.DEBUG, "database reachable");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("interrupted while waiting for the database", e);
        }
    }

    /**
     * Copies the migrations out of the launcher jar into {@code folder} (new each start) and returns the Flyway
     * location to read them from. Done before Payara Micro boots: Flyway reading them from the jar while
     * Payara booted raced ("Stream closed" mid-migration), since both went through the JDK's shared cache of
     * open jar files; a private JarFile read up front, then plain files, share nothing.
     */
    static String extract(Path folder) {
        Path source;
        try {
            source = Path.of(Migrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new LaunchFailure("cannot locate the launcher jar: " + e.getMessage(), e);
        }
        if (Files.isDirectory(source)) {
            return "filesystem:" + source.resolve(MIGRATIONS);
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            deleteRecursively(folder);
            Files.createDirectories(folder);
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(MIGRATIONS + "/")) {
                    continue;
                }
                Path target = folder.resolve(name.substring(MIGRATIONS.length() + 1)).normalize();
                if (!target.startsWith(folder)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
            return "filesystem:" + folder;
        } catch (IOException e) {
            throw new LaunchFailure("cannot copy the database migrations to " + folder + ": " + e.getMessage(), e);
        }
    }

    static void migrate(DatabaseTarget db, String location) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(db.url(), db.user(), db.password())
                    .locations(location)
                    .load()
                    .migrate();
            LOG.log(Level.INFO, "database schema at version {0} ({1} migration(s) applied)",
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            String what = firstLine(String.valueOf(e.getMessage()));
            String why = firstLine(EmbeddedDatabase.rootMessage(e));
            throw new LaunchFailure("database migration failed: " + (what.equals(why) ? what : what + ": " + why)
                    + " (the schema was left as it was; fix the database or the migration and start again)", e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** JDBC URLs may carry a password as a query parameter; never print it. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String firstLine(String message) {
        return message.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(message);
    }
}
