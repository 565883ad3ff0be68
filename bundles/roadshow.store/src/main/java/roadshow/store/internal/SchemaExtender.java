package roadshow.store.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.store.api.Database;
import roadshow.store.api.Schema;

/**
 * The extender for bundles with a {@code Roadshow-Schema} header: when such a bundle
 * starts, its migrations run, and a {@link Schema} service is registered on the
 * bundle's behalf, so that its components start only once their tables exist.
 * <p>
 * Migrations run on the thread that starts the bundle, as SCR activates components, so
 * a bundle's schema is in place before its start returns. Bundles may be started from
 * several threads at once, but the extender runs one migration at a time: Flyway holds
 * two connections while it migrates, and two migrations at once on a pool of two could
 * each hold one and wait for a second until the pool gives up on both.
 * <p>
 * Vendor content bundles get no tables: their SQL would run with the platform's database
 * login, so a {@code Roadshow-Schema} header on a bundle with a {@value #CONTENT_HEADER}
 * header is ignored.
 */
@Capability(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = {}) // an extender: it serves no one, it watches bundles
public class SchemaExtender {

    /** The header of a vendor content bundle, read by the content extender (roadshow.content). */
    static final String CONTENT_HEADER = "Roadshow-Content";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    /** Taken only when a bundle with a schema arrives, so that no bundle needing a database means no database opened. */
    private final ComponentServiceObjects<Database> databases;
    /** Guarded by {@code databaseLock}: the database once taken from {@code databases}. */
    private Database database;
    private final Object databaseLock = new Object();

    /**
     * Held while a migration runs, so that one runs at a time, and while the database is
     * given back, so that it is not given back under a running one. Never held while
     * registering a service: the owner's components activate on the spot, and may start
     * bundles of their own that would wait for it.
     */
    private final Lock migrating = new ReentrantLock();

    private BundleTracker<Optional<ServiceRegistration<Schema>>> tracker;

    @Activate
    public SchemaExtender(@Reference(name = "databases") ComponentServiceObjects<Database> databases) {
        this.databases = databases;
    }

    @Activate
    void open(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
        // a migration still running on a starting bundle's thread finishes before its database is given back
        migrating.lock();
        try {
            synchronized (databaseLock) {
                if (database != null) {
                    databases.ungetService(database);
                    database = null;
                }
            }
        } finally {
            migrating.unlock();
        }
    }

    /**
     * The database, taken on first need; {@code null} while its component cannot be
     * activated (Declarative Services logs why), in which case it is asked for again
     * by the next bundle that needs it.
     */
    private Database database() {
        synchronized (databaseLock) {
            if (database == null) {
                database = databases.getService();
            }
            return database;
        }
    }

    private final class Customizer implements BundleTrackerCustomizer<Optional<ServiceRegistration<Schema>>> {

        /**
         * Migrates a bundle that declares a schema. The result is tracked even when the
         * migration fails, so that the failure is reported once rather than again at every
         * state change; stopping and restarting (or updating) the bundle tries again.
         * Nothing thrown here may reach the framework's event dispatch, which would log it
         * without saying whose schema it was.
         */
        @Override
        public Optional<ServiceRegistration<Schema>> addingBundle(Bundle bundle, BundleEvent event) {
            String header = bundle.getHeaders("").get(Schema.HEADER);
            if (header == null) {
                return null;
            }
            if (bundle.getHeaders("").get(CONTENT_HEADER) != null) {
                LOG.warn("Ignored the {} header of vendor content bundle {} (bundle {}): content bundles get no tables,"
                        + " and their SQL never runs with the platform's database login",
                        Schema.HEADER, bundle.getSymbolicName(), bundle.getBundleId());
                return Optional.empty(); // tracked, so that the warning is not repeated when it goes from STARTING to ACTIVE
            }
            String owner = bundle.getSymbolicName();
            if (owner == null) {
                LOG.error("Bundle {} has a {} header but no symbolic name to own its tables", bundle.getLocation(), Schema.HEADER);
                return Optional.empty();
            }
            try {
                Database database = database();
                if (database == null) {
                    LOG.error("Schema of {} not migrated: there is no database, as the roadshow.store database component"
                            + " failed to activate (the error before this one says why: its configuration, or the database"
                            + " unreachable). Restart {} once the database is back.", owner, owner);
                    return Optional.empty();
                }
                return migrate(bundle, owner, header, database) ? register(bundle, owner, database) : Optional.empty();
            } catch (RuntimeException e) {
                LOG.error("Schema of {} not migrated; restart {} to try again", owner, owner, e);
                return Optional.empty();
            }
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Optional<ServiceRegistration<Schema>> schema) {
            // STARTING to ACTIVE: the schema stays as it is
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Optional<ServiceRegistration<Schema>> schema) {
            schema.ifPresent(registration -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first, and the framework took its services with it
                }
            });
        }

        /** Applies the owner's pending migrations, once no other bundle's are running; whether they all applied. */
        private boolean migrate(Bundle bundle, String owner, String header, Database database) {
            migrating.lock();
            try {
                MigrateResult result = SchemaMigration.apply(database.dataSource(), owner, MigrationScripts.of(bundle, header));
                if (result.migrationsExecuted == 0) {
                    LOG.info("Schema of {} up to date at version {}", owner, result.initialSchemaVersion);
                } else {
                    LOG.info("Schema of {} migrated to version {} ({} migrations applied)",
                            owner, result.targetSchemaVersion, result.migrationsExecuted);
                }
                return true;
            } catch (FlywayException | IllegalArgumentException e) {
                // the message names the file and carries the database's own: the stack trace would add nothing
                LOG.error("Schema of {} not migrated: {}", owner, e.getMessage());
                return false;
            } finally {
                migrating.unlock();
            }
        }

        /** Registers the schema with the owner's context, so it goes when the owner goes. */
        private Optional<ServiceRegistration<Schema>> register(Bundle bundle, String owner, Database database) {
            BundleContext ownerContext = bundle.getBundleContext();
            if (ownerContext == null) {
                return Optional.empty(); // stopped while migrating; the tracker drops it
            }
            try {
                return Optional.of(ownerContext.registerService(Schema.class,
                        new MigratedSchema(database.dataSource(), database.product()),
                        FrameworkUtil.asDictionary(Map.of(Schema.OWNER, owner))));
            } catch (IllegalStateException stoppedWhileMigrating) {
                return Optional.empty();
            }
        }
    }
}
