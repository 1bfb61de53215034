package newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The small JDBC helper repositories use instead of an ORM: a query with a row mapper, an update that
 * returns its row count, and one translation of SQL errors into {@link NewsdeskException}s. Inside an
 * {@link InTransaction} method every call shares the transaction's connection.
 */
@ApplicationScoped
public class Jdbc {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final ThreadLocal<Connection> TRANSACTION = new ThreadLocal<>();
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    @Inject
    Database database;

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return list(null, sql, mapper, params);
    }

    private <T> List<T> list(String duplicateDetail, String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params);
                 ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }, duplicateDetail);
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return oneOrDuplicate(null, sql, mapper, params);
    }

    /** Like {@link #one}, for a statement that writes: a unique-key violation becomes a 409 with the given detail. */
    public <T> Optional<T> oneOrDuplicate(String duplicateDetail, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(duplicateDetail, sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + " from: " + sql);
        }
        return rows.stream().findFirst();
    }

    /**
     * Like {@link #one}, for a statement committed on its own (outside any transaction) that answers one row, where a
     * unique violation of {@code constraint} (so the statement wrote nothing) is answered as {@code taken}, not a 409.
     */
    public <T> T oneOrTaken(String constraint, T taken, String sql, RowMapper<T> mapper, Object... params) {
        if (TRANSACTION.get() != null) {
            throw new IllegalStateException("a statement that may fail on a unique key must commit on its own");
        }
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params);
                 ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("expected one row from: " + sql);
                }
                return mapper.map(rows);
            } catch (org.postgresql.util.PSQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getServerErrorMessage() != null
                        && constraint.equals(e.getServerErrorMessage().getConstraint())) {
                    return taken;
                }
                throw e;
            }
        }, null);
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it touched. */
    public int update(String sql, Object... params) {
        return updateOrDuplicate(null, sql, params);
    }

    /** Like {@link #update}, but a unique-key violation becomes a 409 with the given detail. */
    public int updateOrDuplicate(String duplicateDetail, String sql, Object... params) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params)) {
                return statement.executeUpdate();
            }
        }, duplicateDetail);
    }

    <T> T inTransaction(Callable<T> work) throws Exception {
        if (TRANSACTION.get() != null) {
            return work.call();
        }
        Connection connection = open();
        List<Runnable> afterCommit = new ArrayList<>();
        T result;
        try (connection) {
            connection.setAutoCommit(false);
            TRANSACTION.set(connection);
            AFTER_COMMIT.set(afterCommit);
            result = work.call();
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw translate(e, null);
        } catch (Exception | Error e) {
            rollback(connection, e);
            throw e;
        } finally {
            TRANSACTION.remove();
            AFTER_COMMIT.remove();
        }
        // Outside the try: nothing that runs now can roll back or fail what has committed.
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs {@code action} once the current transaction has committed, and never if it rolls back; at once when
     * no transaction is open (each statement has committed on its own). For effects outside the database that
     * must only follow what readers will see, such as counting it.
     */
    public void afterCommit(Runnable action) {
        List<Runnable> actions = AFTER_COMMIT.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }

    /**
     * Runs work that may fail without failing the transaction around it (a lookup whose answer is optional):
     * inside a transaction it runs under a savepoint and rolls back to it when it throws, because PostgreSQL
     * refuses every later statement of a transaction in which one failed. The exception still propagates.
     */
    public <T> T underSavepoint(java.util.function.Supplier<T> work) {
        Connection transaction = TRANSACTION.get();
        if (transaction == null) {
            return work.get();
        }
        java.sql.Savepoint savepoint;
        try {
            savepoint = transaction.setSavepoint();
        } catch (SQLException e) {
            throw translate(e, null);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            try {
                transaction.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        try {
            transaction.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw translate(e, null);
        }
        return result;
    }

    private <T> T withConnection(SqlWork<T> work, String duplicateDetail) {
        Connection transaction = TRANSACTION.get();
        try {
            if (transaction != null) {
                return work.run(transaction);
            }
            try (Connection connection = open()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw translate(e, duplicateDetail);
        }
    }

    private Connection open() {
        try {
            return database.connection();
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A driver error as the API's problem: the client's fault, a conflict, or the server's (temporary or not). */
    static RuntimeException translate(SQLException e, String duplicateDetail) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(UNIQUE_VIOLATION)) {
            return Conflict.duplicate(duplicateDetail != null ? duplicateDetail : "This already exists");
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")
                || e instanceof SQLTransientConnectionException) {
            return new NewsdeskException(ErrorCode.DATABASE_UNAVAILABLE, "database unavailable: " + e.getMessage(), e);
        }
        if (state.startsWith("53")) {
            // Insufficient resources (a full disk, no memory, no connection slot): the server's condition, and
            // temporary; the statement wrote nothing.
            return new NewsdeskException(ErrorCode.DATABASE_OUT_OF_RESOURCES, "database out of resources: "
                    + e.getMessage(), e);
        }
        if (state.equals("23514") || state.equals("23502") || state.equals("22001")) {
            // A value that passed request validation still breaks a table rule (a check, not null, a length).
            return new NewsdeskException(ErrorCode.VALIDATION_FAILED, "A value breaks a rule of the stored data ("
                    + (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getConstraint() != null ? p.getServerErrorMessage().getConstraint()
                    : state) + ")", e);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new Conflict(ErrorCode.CONFLICT, "A concurrent change got in the way; try again");
        }
        return new NewsdeskException(ErrorCode.INTERNAL, "database error " + state + ": " + e.getMessage(), e);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(connection, statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof Collection<?> values) {
            // a null element stays SQL NULL (not the text "null")
            Array array = connection.createArrayOf("text", values.stream().map(v -> v == null ? null : String.valueOf(v))
                    .toArray());
            statement.setArray(index, array);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
