package roadshow.store.internal;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings one bundle's tables up to date with Flyway, recording what was applied in a
 * schema history table of that bundle's own, so bundles evolve independently.
 * <p>
 * Several Roadshow nodes may start at once against one PostgreSQL database: Flyway
 * locks the history table (an advisory lock, and transactional DDL around creating
 * it), so one node migrates and the others then find nothing left to do. H2 is
 * embedded in one process, whose extender migrates a bundle on one thread at a time.
 */
final class SchemaMigration {

    /** PostgreSQL's longest identifier; longer names are cut silently, so Flyway would not find its table again. */
    static final int MAX_IDENTIFIER_LENGTH = 63;

    private static final String HISTORY_PREFIX = "schema_history_";

    private SchemaMigration() {
    }

    /**
     * Applies the owner's migrations not yet applied.
     *
     * @param owner the symbolic name of the bundle that owns the tables
     * @throws FlywayException if a migration fails; its message names the file and
     *         carries the database's message
     */
    static MigrateResult apply(DataSource dataSource, String owner, MigrationScripts scripts) {
        return Flyway.configure(Flyway.class.getClassLoader())
                .dataSource(dataSource)
                .table(historyTable(owner))
                // Bundles share the database schema, so a bundle's first migration usually meets
                // other bundles' tables. Flyway then wants a baseline; one at version 0 still
                // applies every migration from V1 on.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(scripts)
                // SQL migrations only: without a class provider Flyway would scan class paths for Java ones
                .javaMigrationClassProvider(List::of)
                // explicit, as Flyway's detection of an SLF4J provider looks through the thread context class loader
                .loggers("slf4j")
                // a misnamed file is a mistake to report, not a file to skip quietly
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    /**
     * The schema history table of a bundle: {@code schema_history_} and the symbolic
     * name in lower case with every other character than a letter or digit made an
     * underscore; names too long for PostgreSQL end in a hash of the full name instead.
     */
    static String historyTable(String owner) {
        String table = HISTORY_PREFIX + owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (table.length() <= MAX_IDENTIFIER_LENGTH) {
            return table;
        }
        String hash = String.format("_%08x", owner.hashCode());
        return table.substring(0, MAX_IDENTIFIER_LENGTH - hash.length()) + hash;
    }
}
