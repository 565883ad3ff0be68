package roadshow.store.api;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The database Roadshow keeps its data in: a connection pool and the product
 * behind it. Feature bundles normally reference their {@link Schema} instead,
 * which appears only once their tables exist.
 */
@ProviderType
public interface Database {

    /** The database products Roadshow runs on. */
    enum Product {
        /** H2, embedded in the Roadshow process: development, demos, a single node. */
        H2,
        /** PostgreSQL: production, and several Roadshow nodes sharing one database. */
        POSTGRESQL
    }

    /**
     * The connection pool. Closing a connection borrowed from it returns the
     * connection to the pool.
     */
    DataSource dataSource();

    /** Which product this is, for the rare statement whose SQL differs between them. */
    Product product();
}
