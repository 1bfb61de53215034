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
