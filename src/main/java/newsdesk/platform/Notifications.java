package newsdesk.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PostgreSQL LISTEN for a feature: one dedicated connection per channel on a daemon thread (it spends its life
 * blocked in a socket read), opened again with back-off when it drops. The subscriber hears when listening
 * starts (anything may have been missed before), each notification's payload, and, while not listening, a
 * call at least every {@code checkEvery} so it can poll instead.
 */
@ApplicationScoped
public class Notifications {

    /** What a feature does with a channel. */
    public interface Subscriber {
        /** Listening (again): notifications sent before now may have been missed. */
        void listening();

        void notified(String payload);

        /** Not listening: called after each failed attempt, at least every {@code checkEvery}. */
        void notListening();
    }

    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    @Inject
    Database database;

    private volatile boolean running = true;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    /**
     * Listens on {@code channel} until the application stops; {@code applicationName} is how the connection
     * shows in pg_stat_activity (and how an operator or a test finds it).
     */
    public void listen(String channel, String applicationName, Duration checkEvery, Subscriber subscriber) {
        Thread thread = new Thread(() -> run(channel, applicationName, checkEvery, subscriber), applicationName);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        connections.forEach(Notifications::close);
    }

    private void run(String channel, String applicationName, Duration checkEvery, Subscriber subscriber) {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection listening = connect(applicationName, checkEvery)) {
                connections.add(listening);
                try (Statement sql = listening.createStatement()) {
                    sql.execute("LISTEN " + channel);
                }
                subscriber.listening();
                LOG.log(Level.INFO, "Listening on {0}", channel);
                retry = FIRST_RETRY;
                receive(listening, checkEvery, subscriber);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Not listening on {0} ({1}); polling every {2} s meanwhile", channel,
                        e.getMessage(), checkEvery.toSeconds());
            } finally {
                connections.removeIf(Notifications::isClosedOrBroken);
            }
            subscriber.notListening();
            retry = pause(retry, checkEvery);
        }
    }

    /** Returns only by throwing: the connection broke (or the application stops). */
    private void receive(Connection listening, Duration checkEvery, Subscriber subscriber) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        int wait = (int) Math.max(100, checkEvery.toMillis() / 2);
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
                subscriber.notified(notification.getParameter());
            }
        }
        throw new SQLException("the application is stopping");
    }

    /** Waits the back-off, which doubles up to {@code checkEvery}. */
    private Duration pause(Duration retry, Duration checkEvery) {
        Duration bound = checkEvery.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : checkEvery;
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(bound) > 0 ? bound : doubled;
    }

    private Connection connect(String applicationName, Duration checkEvery) throws SQLException {
        return database.dedicated(applicationName, Math.max(2, checkEvery.toSeconds()));
    }

    private static boolean isClosedOrBroken(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing a listening connection: " + e.getMessage());
        }
    }
}
