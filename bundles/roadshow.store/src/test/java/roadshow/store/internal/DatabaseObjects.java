package roadshow.store.internal;

import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import roadshow.store.api.Database;

/**
 * The database as Declarative Services hands it to the extender, counting what it is
 * asked for; and a real pooled in-memory H2 database to hand.
 */
final class DatabaseObjects implements ComponentServiceObjects<Database> {

    private final Supplier<Database> activation;
    final AtomicInteger taken = new AtomicInteger();
    final AtomicInteger givenBack = new AtomicInteger();

    /** @param activation what activating the database component gives, {@code null} when it fails */
    DatabaseObjects(Supplier<Database> activation) {
        this.activation = activation;
    }

    @Override
    public Database getService() {
        taken.incrementAndGet();
        return activation.get();
    }

    @Override
    public void ungetService(Database service) {
        givenBack.incrementAndGet();
    }

    @Override
    public ServiceReference<Database> getServiceReference() {
        return null;
    }

    /** The store's own pooled database, on a fresh in-memory H2 database through H2's DataSourceFactory. */
    static PooledDatabase h2(BundleContext context, int poolSize) throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new PooledDatabase(new OsgiDataSourceFactory(new Driver()), new PooledDatabase.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PooledDatabase.Config.class;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String _password() {
                return "";
            }

            @Override
            public int pool_size() {
                return poolSize;
            }

            @Override
            public String dataSourceFactory_target() {
                return "";
            }
        }, context);
    }
}
