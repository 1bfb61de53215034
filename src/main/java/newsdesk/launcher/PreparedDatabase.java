package newsdesk.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The application's database, reachable and migrated: the embedded PostgreSQL (started here) unless
 * NEWSDESK_DB_URL names an external one. Stopping it stops the embedded server, if any.
 */
record PreparedDatabase(EmbeddedDatabase embedded, DatabaseTarget target) implements AutoCloseable {

    static PreparedDatabase prepare(Settings settings, Path dataDir, String migrations) {
        Optional<String> externalUrl = settings.get("newsdesk.db.url");
        EmbeddedDatabase embedded = externalUrl.isPresent()
                ? null
                : EmbeddedDatabase.start(dataDir, settings.get("newsdesk.embedded.db.port").map(Integer::parseInt).orElse(0),
                        Duration.ofSeconds(Math.max(1, settings.integer("newsdesk.embedded.db.restart.max.pause.seconds"))));
        DatabaseTarget db = embedded != null ? embedded.target() : new DatabaseTarget(externalUrl.get(),
                settings.get("newsdesk.db.user").orElse(""), settings.get("newsdesk.db.password").orElse(""));
        try {
            // The embedded database has just answered zonky's own start check: no need to wait for it.
            Migrations.checkReachable(db, settings.integer("newsdesk.db.connect.timeout.seconds"),
                    embedded != null ? 0 : settings.integer("newsdesk.db.connect.wait.seconds"));
            Migrations.migrate(db, migrations);
            return new PreparedDatabase(embedded, db);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
