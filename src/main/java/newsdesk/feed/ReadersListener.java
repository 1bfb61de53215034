package newsdesk.feed;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import newsdesk.outbox.ReadersChanged;
import newsdesk.platform.NewsdeskException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Hears other instances' publications: one dedicated PostgreSQL connection LISTENs on the channel the outbox
 * relay NOTIFYs on, and each notification makes {@link FeedCache} render the named languages again. When that
 * connection drops, everything renders again (notifications may have been missed), the connection is opened
 * again with back-off, and meanwhile the publication version is read every {@code newsdesk.feed.staleness.seconds}
 * so no feed stays staler than that. A daemon thread: it spends its life blocked in a socket read.
 */
@ApplicationScoped
public class ReadersListener {

    /** How the connection shows in pg_stat_activity (and how an operator or a test finds it). */
    public static final String APPLICATION_NAME = "newsdesk readers listener";

    private static final System.Logger LOG = System.getLogger(ReadersListener.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    @Inject
    FeedCache cache;

    @Inject
    FeedRepository repository;

    @Inject
    @ConfigProperty(name = "newsdesk.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "newsdesk.db.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "newsdesk.db.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "newsdesk.db.connect.timeout.seconds", defaultValue = "5")
    int connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "newsdesk.feed.staleness.seconds", defaultValue = "5")
    int stalenessSeconds;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        running = true;
        thread = new Thread(this::run, "newsdesk readers listener");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        close(connection);
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        Long versionSeen = null;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement sql = listening.createStatement()) {
                    sql.execute("LISTEN " + ReadersChanged.CHANNEL);
                }
                // Whatever changed while no one listened is rendered again.
                cache.invalidateAll();
                LOG.log(Level.INFO, "Listening for publications of other instances");
                retry = FIRST_RETRY;
                versionSeen = null;
                listen(listening.unwrap(PGConnection.class), listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Not listening for publications ({0}); feeds fall back to checking the "
                        + "publication version every {1} s", e.getMessage(), stalenessSeconds);
            } finally {
                connection = null;
            }
            versionSeen = checkVersion(versionSeen);
            retry = pause(retry);
        }
    }

    /** Returns only by throwing: the connection broke (or the application stops). */
    private void listen(PGConnection notifications, Connection listening) throws SQLException {
        int wait = Math.max(100, stalenessSeconds * 1000 / 2);
        while (running) {
            PGNotification[] received = notifications.getNotifications(wait);
            if (received == null || received.length == 0) {
                // A connection the network dropped silently throws here (the socket timeout bounds the wait).
                try (Statement ping = listening.createStatement()) {
                    ping.execute("SELECT 1");
                }
                continue;
            }
            for (PGNotification notification : received) {
                cache.onChange(ReadersChanged.parse(notification.getParameter()));
            }
        }
        throw new SQLException("the application is stopping");
    }

    /**
     * While not listening: the first call renders everything again (a notification may have been lost with
     * the connection), later calls only when the publication version moved. Returns the version now seen.
     */
    private Long checkVersion(Long seen) {
        try {
            long now = repository.latestChange();
            if (seen == null || now != seen) {
                cache.invalidateAll();
            }
            return now;
        } catch (NewsdeskException e) {
            // The database itself is away: nothing can be published meanwhile; render everything once it's back.
            cache.invalidateAll();
            return null;
        }
    }

    /** Waits the back-off, which doubles up to the staleness bound: the version is checked at least that often. */
    private Duration pause(Duration retry) {
        Duration bound = Duration.ofSeconds(Math.max(1, stalenessSeconds));
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(bound) > 0 ? bound : doubled;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
        properties.setProperty("socketTimeout", String.valueOf(Math.max(2, stalenessSeconds)));
        properties.setProperty("tcpKeepAlive", "true");
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        opened.setAutoCommit(true);
        return opened;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the listening connection: " + e.getMessage());
            }
        }
    }
}
