package newsdesk.launcher;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Brings the schema up to date before the application is deployed, so that an unreachable database or
 * a failed migration stops the start instead of leaving a server that answers 500.
 */
final class Migrations {

    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    static void checkReachable(DatabaseTarget db, int timeoutSeconds) {
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
        } catch (SQLException e) {
            throw new LaunchFailure("cannot reach the database at " + withoutSecrets(db.url()) + ": "
                    + EmbeddedDatabase.rootMessage(e)
                    + " (check NEWSDESK_DB_URL, NEWSDESK_DB_USER and NEWSDESK_DB_PASSWORD)", e);
        }
    }

    static void migrate(DatabaseTarget db) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(db.url(), db.user(), db.password())
                    .locations("classpath:db/migration")
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

    /** JDBC URLs may carry a password as a query parameter; never print it. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String firstLine(String message) {
        return message.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(message);
    }
}
