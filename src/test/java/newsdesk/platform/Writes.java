package newsdesk.platform;

import newsdesk.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fingerprint of everything a request could have written: the row count of each main table and the
 * summed row versions of the versioned ones. Equal before and after a refused request means no write.
 * Holds one connection, as a test takes hundreds of fingerprints.
 */
final class Writes implements AutoCloseable {

    private static final String FINGERPRINT = """
            SELECT concat_ws(' ',
              'accounts', (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM accounts),
              'tokens', (SELECT count(*) FROM api_tokens),
              'login_failures', (SELECT count(*) FROM login_failures),
              'languages', (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM site_languages),
              'articles', (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM articles),
              'editions', (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM editions),
              'revisions', (SELECT count(*) FROM revisions),
              'events', (SELECT count(*) FROM events),
              'outbox', (SELECT count(*) FROM outbox),
              'idempotency_keys', (SELECT count(*) FROM idempotency_keys),
              'tasks', (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM tasks),
              'task_comments', (SELECT count(*) FROM task_comments))""";

    private final Connection connection;

    Writes(TestDatabase database) {
        try {
            this.connection = DriverManager.getConnection(database.url());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database", e);
        }
    }

    String fingerprint() {
        try (var statement = connection.prepareStatement(FINGERPRINT); var rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a fingerprint", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
