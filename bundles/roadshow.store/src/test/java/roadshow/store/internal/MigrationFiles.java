package roadshow.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** Bundles' migrations written as files, and plain JDBC to look at what they did. */
final class MigrationFiles {

    private MigrationFiles() {
    }

    /** The migrations of a bundle, as files in a folder of their own under {@code root}. */
    static MigrationScripts scripts(Path root, String bundle, Map<String, String> files) {
        Path folder = root.resolve(bundle).resolve("db/migration");
        Map<String, URL> urls = new TreeMap<>();
        files.forEach((relativePath, sql) -> urls.put(relativePath, write(folder.resolve(relativePath), sql)));
        return new MigrationScripts("db/migration", urls);
    }

    /** The SQL migrations a history records, leaving out Flyway's own markers (schema creation, baseline). */
    static List<String> appliedScripts(DataSource database, String historyTable) throws SQLException {
        return query(database, "SELECT \"script\" FROM \"" + historyTable + "\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"");
    }

    static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
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

    private static URL write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content).toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
