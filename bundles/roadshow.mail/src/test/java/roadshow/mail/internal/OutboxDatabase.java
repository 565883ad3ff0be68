package roadshow.mail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real database holding the outbox, migrated by Flyway from the bundle's own
 * migrations as the store's schema extender migrates them; and plain JDBC to look
 * at a mail's row.
 */
final class OutboxDatabase {

    /** One row of the outbox, as an operator would look at it. */
    record Row(String state, int attempts, String lastError) {
    }

    private OutboxDatabase() {
    }

    /** A fresh in-memory H2 database with the outbox tables. */
    static DataSource h2() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return migrate(database);
    }

    /** Applies the bundle's migrations, keeping their history where the schema extender keeps it. */
    static DataSource migrate(DataSource database) {
        Flyway.configure(OutboxDatabase.class.getClassLoader())
                .dataSource(database)
                .table("schema_history_roadshow_mail")
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return database;
    }

    static Row row(DataSource database, String id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT state, attempts, last_error FROM mail_outbox WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Row(rows.getString(1), rows.getInt(2), rows.getString(3)) : null;
            }
        }
    }

    static int count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
