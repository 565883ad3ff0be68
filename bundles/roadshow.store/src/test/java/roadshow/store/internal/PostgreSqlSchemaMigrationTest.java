package roadshow.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roadshow.store.internal.MigrationFiles.appliedScripts;
import static roadshow.store.internal.MigrationFiles.execute;
import static roadshow.store.internal.MigrationFiles.query;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Migrations against a real PostgreSQL server, as Roadshow nodes in a cluster share one. */
class PostgreSqlSchemaMigrationTest {

    private static EmbeddedPostgres server;
    private static int databases;

    @TempDir
    Path bundles;

    private DataSource database;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        String name = "roadshow_" + ++databases;
        execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
        database = server.getDatabase("postgres", name);
    }

    @Test
    void sqlBindsNullsAndInstantsToTheColumnsTypes() {
        roadshow.store.api.Sql sql = new roadshow.store.api.Sql(database);
        sql.update("CREATE TABLE stamped (id VARCHAR(8) PRIMARY KEY, at TIMESTAMP WITH TIME ZONE, n INTEGER)");
        java.time.Instant now = java.time.Instant.parse("2026-11-26T10:15:30Z");
        sql.update("INSERT INTO stamped (id, at, n) VALUES (?, ?, ?)", "a", null, null);
        sql.update("INSERT INTO stamped (id, at, n) VALUES (?, ?, ?)", "b", now, 3);
        assertThat(sql.one("SELECT at FROM stamped WHERE id = ?", r -> roadshow.store.api.Sql.instant(r, "at"), "a")).isEmpty();
        assertThat(sql.one("SELECT at FROM stamped WHERE id = ?", r -> roadshow.store.api.Sql.instant(r, "at"), "b")).contains(now);
    }

    @Test
    void pendingMigrationsCreateTheOwnersTables() throws SQLException {
        MigrateResult result = SchemaMigration.apply(database, "roadshow.catalog", MigrationFiles.scripts(bundles, "roadshow.catalog", Map.of(
                "V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY, title VARCHAR(200) NOT NULL);",
                "V2__add_course_level.sql", "ALTER TABLE course ADD COLUMN level VARCHAR(20);")));

        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(query(database, "SELECT COUNT(*) FROM course")).containsExactly("0");
    }

    @Test
    void nodesMigratingAtOnceApplyEachMigrationOnce() throws Exception {
        // another bundle's tables are there already, as on every start but the very first
        SchemaMigration.apply(database, "roadshow.catalog", MigrationFiles.scripts(bundles, "roadshow.catalog", Map.of(
                "V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);")));
        MigrationScripts quiz = MigrationFiles.scripts(bundles, "roadshow.quiz", Map.of(
                "V1__create_quiz.sql", "CREATE TABLE quiz (id VARCHAR(64) PRIMARY KEY);",
                "V2__create_attempt.sql", "CREATE TABLE quiz_attempt (id VARCHAR(64) PRIMARY KEY);"));
        Callable<MigrateResult> node = () -> SchemaMigration.apply(database, "roadshow.quiz", quiz);

        List<MigrateResult> results = new ArrayList<>();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            for (Future<MigrateResult> result : nodes.invokeAll(Collections.nCopies(4, node))) {
                results.add(result.get());
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(results).extracting(result -> result.migrationsExecuted).containsExactlyInAnyOrder(2, 0, 0, 0);
        assertThat(appliedScripts(database, "schema_history_roadshow_quiz"))
                .containsExactly("V1__create_quiz.sql", "V2__create_attempt.sql");
    }

    @Test
    void aFailingMigrationNamesItsFileAndTheDatabasesMessage() {
        MigrationScripts broken = MigrationFiles.scripts(bundles, "roadshow.quiz", Map.of(
                "V1__add_pass_mark.sql", "ALTER TABLE no_such_table ADD COLUMN pass_mark INT;"));

        assertThatThrownBy(() -> SchemaMigration.apply(database, "roadshow.quiz", broken))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("db/migration/V1__add_pass_mark.sql")
                .hasMessageContaining("relation \"no_such_table\" does not exist");
    }
}
