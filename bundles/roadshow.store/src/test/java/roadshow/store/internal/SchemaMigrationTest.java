package roadshow.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roadshow.store.internal.MigrationFiles.appliedScripts;
import static roadshow.store.internal.MigrationFiles.execute;
import static roadshow.store.internal.MigrationFiles.query;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations read through {@link MigrationScripts}, against a real in-memory H2 database. */
class SchemaMigrationTest {

    @TempDir
    Path bundles;

    private JdbcDataSource database;

    @BeforeEach
    void freshDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void pendingMigrationsCreateTheOwnersTables() throws SQLException {
        MigrateResult result = migrate("roadshow.catalog", Map.of(
                "V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY, title VARCHAR(200) NOT NULL);",
                "V2__add_course_level.sql", "ALTER TABLE course ADD COLUMN level VARCHAR(20);"));

        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(result.targetSchemaVersion).isEqualTo("2");
        execute(database, "INSERT INTO course (id, title, level) VALUES ('osgi-101', 'OSGi basics', 'BEGINNER')");
        assertThat(query(database, "SELECT title FROM course WHERE id = 'osgi-101'")).containsExactly("OSGi basics");
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        Map<String, String> catalog = Map.of("V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);");
        migrate("roadshow.catalog", catalog);

        MigrateResult second = migrate("roadshow.catalog", catalog);

        assertThat(second.migrationsExecuted).isZero();
        assertThat(appliedScripts(database, "schema_history_roadshow_catalog")).containsExactly("V1__create_course.sql");
    }

    @Test
    void aLaterVersionOfTheBundleAppliesOnlyItsNewMigrations() throws SQLException {
        migrate("roadshow.catalog", Map.of(
                "V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);"));

        MigrateResult upgrade = migrate("roadshow.catalog", Map.of(
                "V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);",
                "V2__create_lesson.sql", "CREATE TABLE lesson (id VARCHAR(64) PRIMARY KEY);"));

        assertThat(upgrade.migrationsExecuted).isEqualTo(1);
        assertThat(query(database, "SELECT COUNT(*) FROM lesson")).containsExactly("0");
    }

    @Test
    void aFailingMigrationNamesItsFileAndTheDatabasesMessage() {
        assertThatThrownBy(() -> migrate("roadshow.quiz", Map.of(
                "V1__create_quiz.sql", "CREATE TABLE quiz (id VARCHAR(64) PRIMARY KEY);",
                "V2__add_pass_mark.sql", "ALTER TABLE no_such_table ADD COLUMN pass_mark INT;")))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("db/migration/V2__add_pass_mark.sql")
                .hasMessageContaining("Table \"NO_SUCH_TABLE\" not found");
    }

    @Test
    void aFailingMigrationKeepsTheOnesBeforeIt() throws SQLException {
        assertThatThrownBy(() -> migrate("roadshow.quiz", Map.of(
                "V1__create_quiz.sql", "CREATE TABLE quiz (id VARCHAR(64) PRIMARY KEY);",
                "V2__add_pass_mark.sql", "ALTER TABLE no_such_table ADD COLUMN pass_mark INT;")));

        assertThat(query(database, "SELECT COUNT(*) FROM quiz")).containsExactly("0");
    }

    @Test
    void aMisnamedMigrationIsReportedNotSkipped() {
        assertThatThrownBy(() -> migrate("roadshow.quiz", Map.of(
                "V1_create_quiz.sql", "CREATE TABLE quiz (id VARCHAR(64) PRIMARY KEY);")))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("V1_create_quiz.sql");
    }

    @Test
    void eachOwnerKeepsItsOwnHistory() throws SQLException {
        migrate("roadshow.catalog", Map.of("V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);"));

        MigrateResult quiz = migrate("roadshow.quiz", Map.of("V1__create_quiz.sql", "CREATE TABLE quiz (id VARCHAR(64) PRIMARY KEY);"));

        assertThat(quiz.migrationsExecuted).isEqualTo(1);
        assertThat(appliedScripts(database, "schema_history_roadshow_catalog")).containsExactly("V1__create_course.sql");
        assertThat(appliedScripts(database, "schema_history_roadshow_quiz")).containsExactly("V1__create_quiz.sql");
    }

    @Test
    void migrationsInSubfoldersAreRecordedByTheirPathBelowTheFolder() throws SQLException {
        migrate("roadshow.catalog", Map.of(
                "courses/V1__create_course.sql", "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);",
                "lessons/V2__create_lesson.sql", "CREATE TABLE lesson (id VARCHAR(64) PRIMARY KEY);"));

        assertThat(appliedScripts(database, "schema_history_roadshow_catalog"))
                .containsExactly("courses/V1__create_course.sql", "lessons/V2__create_lesson.sql");
    }

    @Test
    void historyTablesOfPlainNamesAreNamedAfterTheOwner() {
        // as they always were, so that existing histories keep their table
        assertThat(SchemaMigration.historyTable("roadshow.catalog")).isEqualTo("schema_history_roadshow_catalog");
        assertThat(SchemaMigration.historyTable("roadshow.quiz2")).isEqualTo("schema_history_roadshow_quiz2");
    }

    @Test
    void namesThatDifferOnlyInPunctuationOrCaseGetTablesOfTheirOwn() {
        List<String> owners = List.of("roadshow.catalog", "roadshow-catalog", "roadshow_catalog", "Roadshow.Catalog",
                "roadshow..catalog", "roadshow.catalog.");

        List<String> tables = owners.stream().map(SchemaMigration::historyTable).toList();

        assertThat(tables).doesNotHaveDuplicates()
                .allMatch(table -> table.startsWith("schema_history_roadshow_"))
                .allMatch(table -> table.matches("[a-z0-9_]+"));
        assertThat(SchemaMigration.historyTable("roadshow-catalog")).matches("schema_history_roadshow_catalog__[0-9a-f]{8}");
        assertThat(SchemaMigration.historyTable("com.Acme.training-cloud")).matches("schema_history_com_acme_training_cloud__[0-9a-f]{8}");
    }

    @Test
    void aNameWhoseTableLooksLikeAHashedOneStillGetsItsOwn() {
        String hashed = SchemaMigration.historyTable("roadshow-catalog");
        // the plain name that would make the same table, were dots and underscores all it took
        String lookalike = hashed.substring("schema_history_".length()).replace("__", ".").replace('_', '.');

        assertThat(SchemaMigration.historyTable(lookalike)).isNotEqualTo(hashed);
    }

    @Test
    void ownersWhoseNamesDifferOnlyInPunctuationKeepSeparateHistories() throws SQLException {
        for (String owner : List.of("roadshow.catalog", "roadshow-catalog", "roadshow_catalog")) {
            migrate(owner, Map.of("V1__create_" + owner.replaceAll("\\W", "_") + ".sql",
                    "CREATE TABLE \"" + owner + "\" (id INT);"));
        }

        List<String> histories = query(database,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'schema_history_%' ORDER BY TABLE_NAME");
        assertThat(histories).hasSize(3).contains("schema_history_roadshow_catalog");
        for (String owner : List.of("roadshow.catalog", "roadshow-catalog", "roadshow_catalog")) {
            assertThat(appliedScripts(database, SchemaMigration.historyTable(owner)))
                    .containsExactly("V1__create_" + owner.replaceAll("\\W", "_") + ".sql");
        }
    }

    @Test
    void historyTablesOfLongNamesFitPostgreSqlAndStayApart() {
        String owner = "com.northwind.partner.training.security.advanced.incident.response";
        String sibling = "com.northwind.partner.training.security.advanced.incident.recovery";

        assertThat(SchemaMigration.historyTable(owner))
                .hasSize(SchemaMigration.MAX_IDENTIFIER_LENGTH)
                .matches("schema_history_com_northwind_partner_training_securit__[0-9a-f]{8}")
                .isNotEqualTo(SchemaMigration.historyTable(sibling));
    }

    private MigrateResult migrate(String owner, Map<String, String> files) {
        return SchemaMigration.apply(database, owner, MigrationFiles.scripts(bundles, owner + "-" + UUID.randomUUID(), files));
    }
}
