package roadshow.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
 * embedded in one process, whose {@link SchemaExtender} runs one migration at a time.
 */
final class SchemaMigration {

    /** PostgreSQL's longest identifier; longer names are cut silently, so Flyway would not find its table again. */
    static final int MAX_IDENTIFIER_LENGTH = 63;

    private static final String HISTORY_PREFIX = "schema_history_";

    /** Symbolic names whose history table is named after them alone; mapping their dots to underscores loses nothing. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");

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
     * The schema history table of a bundle, a different one for every symbolic name.
     * <p>
     * A plain name, lower-case letters and digits in dot-separated parts
     * ({@code roadshow.catalog}), gives {@code schema_history_} and the name with its
     * dots made underscores ({@code schema_history_roadshow_catalog}), as it always has.
     * Any other name ({@code roadshow-catalog}, {@code roadshow_catalog},
     * {@code Roadshow.Catalog}), or a plain name too long for PostgreSQL, gives the same
     * with every character other than a letter or digit made an underscore, cut to fit,
     * and then {@code __} and the first eight hex digits of the SHA-256 hash of the full
     * name. A plain name never makes two underscores in a row, so the two forms never meet;
     * two names of the second form meet only if their readable parts and their 32-bit
     * hashes are both the same.
     */
    static String historyTable(String owner) {
        String table = HISTORY_PREFIX + owner.replace('.', '_');
        if (PLAIN_NAME.matcher(owner).matches() && table.length() <= MAX_IDENTIFIER_LENGTH) {
            return table;
        }
        String hash = "__" + HexFormat.of().formatHex(sha256(owner), 0, 4);
        String readable = HISTORY_PREFIX + owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return readable.substring(0, Math.min(readable.length(), MAX_IDENTIFIER_LENGTH - hash.length())) + hash;
    }

    private static byte[] sha256(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
