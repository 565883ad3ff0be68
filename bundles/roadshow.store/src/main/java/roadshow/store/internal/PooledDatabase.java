package roadshow.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import roadshow.store.api.Database;

/**
 * The database, reached through the JDBC driver's {@link DataSourceFactory} service
 * and pooled with HikariCP. A configuration change replaces the component, pool and
 * all, and the schemas follow.
 */
@Designate(ocd = PooledDatabase.Config.class)
@Component(service = Database.class, configurationPid = "roadshow.store")
public class PooledDatabase implements Database {

    @ObjectClassDefinition(name = "Roadshow store", description = "The database Roadshow keeps its data in.")
    public @interface Config {

        @AttributeDefinition(name = "JDBC URL", required = false, description = "When empty, the framework property roadshow.db.url,"
                + " and without that an in-memory H2 database that lives as long as the process.")
        String url() default "";

        @AttributeDefinition(required = false)
        String user() default "";

        /** Private (leading dot), so the password is not copied into the service properties. */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        @AttributeDefinition(min = "2", description = "The most connections open at once; at least two,"
                + " as a migration holds two.")
        int pool_size() default 10;

        @AttributeDefinition(description = "Filter selecting the JDBC driver's DataSourceFactory service,"
                + " for example (osgi.jdbc.driver.class=org.postgresql.Driver).")
        String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.h2.Driver)";
    }

    /** The framework property the launcher sets to the database of the installation. */
    static final String URL_PROPERTY = "roadshow.db.url";

    /** Kept open until the process ends (DB_CLOSE_DELAY=-1) even when the pool has no connection. */
    static final String IN_MEMORY_URL = "jdbc:h2:mem:roadshow;DB_CLOSE_DELAY=-1";

    /** Flyway holds two connections while it migrates: one for the schema history, one for the migration. */
    static final int MIN_POOL_SIZE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(PooledDatabase.class);

    private final HikariDataSource pool;
    private final Product product;

    @Activate
    public PooledDatabase(@Reference(name = "dataSourceFactory") DataSourceFactory dataSourceFactory,
            Config config, BundleContext context) throws SQLException {
        if (config.pool_size() < MIN_POOL_SIZE) {
            throw new IllegalArgumentException("pool.size must be at least " + MIN_POOL_SIZE
                    + ": a migration holds two connections at once; it is " + config.pool_size());
        }
        String url = url(config.url(), context.getProperty(URL_PROPERTY));
        HikariConfig pooling = new HikariConfig();
        pooling.setPoolName("roadshow");
        pooling.setMaximumPoolSize(config.pool_size());
        pooling.setDataSource(dataSourceFactory.createDataSource(driverProperties(url, config)));
        pool = new HikariDataSource(pooling);
        try (Connection connection = pool.getConnection()) {
            product = product(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        // up to any query string, where a PostgreSQL URL may carry a password
        LOG.info("Database {} at {}", product, url.split("\\?", 2)[0]);
    }

    @Deactivate
    void close() {
        pool.close();
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Product product() {
        return product;
    }

    /** The configured URL, else the launcher's, else an in-memory H2 database. */
    static String url(String configured, String frameworkProperty) {
        if (!configured.isBlank()) {
            return configured.trim();
        }
        if (frameworkProperty != null && !frameworkProperty.isBlank()) {
            return frameworkProperty.trim();
        }
        return IN_MEMORY_URL;
    }

    /** The product a JDBC driver reports itself as. */
    static Product product(String databaseProductName) {
        return switch (databaseProductName) {
            case "H2" -> Product.H2;
            case "PostgreSQL" -> Product.POSTGRESQL;
            default -> throw new IllegalStateException(
                    "Roadshow runs on H2 or PostgreSQL, not " + databaseProductName);
        };
    }

    private static Properties driverProperties(String url, Config config) {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config._password().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        }
        return properties;
    }
}
