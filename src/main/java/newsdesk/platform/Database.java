package newsdesk.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one connection pool. The launcher has already migrated the schema and put the database
 * coordinates into the configuration.
 */
@ApplicationScoped
public class Database {

    /** Built on first use; volatile so taking a connection needs no lock once it exists. */
    private volatile HikariDataSource pool;

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
    @ConfigProperty(name = "newsdesk.db.pool.size", defaultValue = "16")
    int poolSize;

    @Inject
    @ConfigProperty(name = "newsdesk.db.connect.timeout.seconds", defaultValue = "5")
    int connectTimeoutSeconds;

    Connection connection() throws SQLException {
        HikariDataSource built = pool;
        return (built != null ? built : pool()).getConnection();
    }

    /**
     * A connection of its own, outside the pool, for work that holds one for good (LISTEN): it shows as
     * {@code applicationName} in pg_stat_activity, and a read that waits longer than {@code socketTimeoutSeconds}
     * fails, so a connection the network dropped silently is noticed.
     */
    Connection dedicated(String applicationName, long socketTimeoutSeconds) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
        properties.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
        properties.setProperty("tcpKeepAlive", "true");
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        opened.setAutoCommit(true);
        return opened;
    }

    private synchronized HikariDataSource pool() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("newsdesk");
            config.setJdbcUrl(url);
            user.ifPresent(config::setUsername);
            password.ifPresent(config::setPassword);
            config.setMaximumPoolSize(poolSize);
            config.setConnectionTimeout(Duration.ofSeconds(connectTimeoutSeconds).toMillis());
            config.setValidationTimeout(Duration.ofSeconds(Math.max(1, connectTimeoutSeconds - 1)).toMillis());
            config.setInitializationFailTimeout(-1);
            config.addDataSourceProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
            config.addDataSourceProperty("ApplicationName", "newsdesk");
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
