package roadshow.audit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The bundle's tables on a test database: its own migrations, from {@code db/audit}
 * in the bundle's classes, applied by Flyway with the history table roadshow.store keeps
 * for roadshow.audit.
 */
final class AuditTables {

    private AuditTables() {
    }

    static void migrate(DataSource database) {
        Flyway.configure()
                .dataSource(database)
                .table("schema_history_roadshow_audit")
                .locations("classpath:db/audit")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    /** The first column of every row. */
    static List<String> query(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
