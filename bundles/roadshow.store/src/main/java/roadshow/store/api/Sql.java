package roadshow.store.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The few JDBC moves feature bundles need on their tables, with the checked exceptions turned into
 * unchecked ones: a failing database is a fault of the platform, answered 500 or 503,
 * never something a caller can fix.
 */
public final class Sql {

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection, in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A database that failed to answer. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Failure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /** Whether a unique or primary key refused a duplicate (SQLSTATE 23505 on H2 and PostgreSQL). */
        public boolean duplicate() {
            return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
        }
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a transaction, committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return transaction(c -> list(c, sql, row, parameters));
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
        return transaction(c -> one(c, sql, row, parameters));
    }

    public int update(String sql, Object... parameters) {
        return transaction(c -> update(c, sql, parameters));
    }

    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(row.map(rows)) : Optional.empty();
        }
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (value == null) {
                // untyped, so that the database takes the column's type: PostgreSQL refuses a varchar null for a timestamp
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    /** A {@code timestamp with time zone} column as an instant, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
