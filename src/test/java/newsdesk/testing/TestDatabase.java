package newsdesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, uniquely named database for one test run: on the PostgreSQL named by NEWSDESK_TEST_DB_URL
 * (a JDBC URL of a database to connect to for CREATE DATABASE, credentials as URL parameters), or on a
 * throw-away embedded PostgreSQL when that is unset. Dropped again at the end.
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String name;

    private TestDatabase(EmbeddedPostgres embedded, String adminUrl) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.name = "newsdesk_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
    }

    public static TestDatabase create() {
        String url = System.getenv("NEWSDESK_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase(null, url);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new TestDatabase(embedded, embedded.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    /** The JDBC URL of this run's database (same server and credentials as the admin URL). */
    public String url() {
        return adminUrl.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name);
    }

    public String name() {
        return name;
    }

    /** Runs a statement on the server's maintenance database (e.g. ALTER DATABASE). */
    public void admin(String sql) {
        execute(adminUrl, sql);
    }

    /** Runs a statement in this run's database: arranging a state the API can't reach (an expired token). */
    public int sql(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(url());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql, e);
        }
    }

    /** Reads one value from this run's database. */
    public Object value(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(url());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql, e);
        }
    }

    /** Reads the first column of every row, as text. */
    public java.util.List<String> strings(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(url());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql, e);
        }
    }
}
