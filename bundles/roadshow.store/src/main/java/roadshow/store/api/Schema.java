package roadshow.store.api;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tables of one bundle, migrated and ready to use.
 * <p>
 * A bundle names a folder of Flyway SQL migrations ({@code V1__create_course.sql},
 * {@code V2__add_course_level.sql}, ...) in its manifest with the {@value #HEADER}
 * header, for example {@code Roadshow-Schema: db/migration}. When the bundle starts,
 * the store applies the migrations not yet applied, keeping a schema history of the
 * bundle's own, and then registers this service on the bundle's behalf with the
 * service property {@value #OWNER} set to the bundle's symbolic name, so that the
 * bundle's components wait for their tables:
 *
 * <pre>
 * &#64;Reference(target = "(roadshow.schema=roadshow.catalog)")
 * Schema schema;
 * </pre>
 *
 * If a migration fails, no service appears for that bundle. The service goes away
 * when the bundle stops.
 */
@ProviderType
public interface Schema {

    /** The manifest header naming the folder of a bundle's SQL migrations. */
    String HEADER = "Roadshow-Schema";

    /** The service property holding the symbolic name of the bundle that owns the tables. */
    String OWNER = "roadshow.schema";

    /**
     * The name of the {@code osgi.extender} capability of the bundle that runs the
     * migrations, for bundles that carry the {@value #HEADER} header to require.
     */
    String EXTENDER = "roadshow.schema";

    /** The connection pool of the database holding the tables. */
    DataSource dataSource();

    /** Which database product holds the tables, for the rare statement whose SQL differs. */
    Database.Product product();
}
