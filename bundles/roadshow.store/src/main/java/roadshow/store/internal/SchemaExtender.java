package roadshow.store.internal;

import java.util.Map;
import java.util.Optional;

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
 * Migrations run synchronously on the thread that starts the bundle, as SCR activates
 * components, so a bundle's schema is in place before its start returns.
 */
@Capability(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = {}) // an extender: it serves no one, it watches bundles
public class SchemaExtender implements BundleTrackerCustomizer<Optional<ServiceRegistration<Schema>>> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    /** Taken only when a bundle with a schema arrives, so that no bundle needing a database means no database opened. */
    @Reference
    private ComponentServiceObjects<Database> databases;
    private Database database;

    private BundleTracker<Optional<ServiceRegistration<Schema>>> tracker;

    @Activate
    void open(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
        synchronized (this) {
            if (database != null) {
                databases.ungetService(database);
                database = null;
            }
        }
    }

    private synchronized Database database() {
        if (database == null) {
            database = databases.getService();
        }
        return database;
    }

    /**
     * Migrates a bundle that declares a schema. The result is tracked even when the
     * migration fails, so that the failure is reported once rather than again at every
     * state change; stopping and restarting (or updating) the bundle tries again.
     */
    @Override
    public Optional<ServiceRegistration<Schema>> addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(Schema.HEADER);
        if (header == null) {
            return null;
        }
        String owner = bundle.getSymbolicName();
        if (owner == null) {
            LOG.error("Bundle {} has a {} header but no symbolic name to own its tables", bundle.getLocation(), Schema.HEADER);
            return Optional.empty();
        }
        try {
            MigrateResult result = SchemaMigration.apply(database().dataSource(), owner, MigrationScripts.of(bundle, header));
            if (result.migrationsExecuted == 0) {
                LOG.info("Schema of {} up to date at version {}", owner, result.initialSchemaVersion);
            } else {
                LOG.info("Schema of {} migrated to version {} ({} migrations applied)",
                        owner, result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException | IllegalArgumentException e) {
            LOG.error("Schema of {} not migrated: {}", owner, e.getMessage());
            return Optional.empty();
        }
        return register(bundle, owner);
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

    /** Registers the schema with the owner's context, so it goes when the owner goes. */
    private Optional<ServiceRegistration<Schema>> register(Bundle bundle, String owner) {
        BundleContext ownerContext = bundle.getBundleContext();
        if (ownerContext == null) {
            return Optional.empty(); // stopped while migrating; the tracker drops it
        }
        try {
            return Optional.of(ownerContext.registerService(Schema.class,
                    new MigratedSchema(database().dataSource(), database().product()),
                    FrameworkUtil.asDictionary(Map.of(Schema.OWNER, owner))));
        } catch (IllegalStateException stoppedWhileMigrating) {
            return Optional.empty();
        }
    }
}
