package roadshow.identity.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import roadshow.store.api.Database;
import roadshow.store.api.Schema;

/**
 * The identity tables on a fresh in-memory H2 database, migrated by Flyway from the bundle's
 * own {@code db/identity}, as roadshow.store's schema extender does in the framework; and
 * typed configurations with chosen values, as Configuration Admin would give them.
 */
final class IdentityTables {

    private IdentityTables() {
    }

    static Schema fresh() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).table("schema_history_roadshow_identity").locations("classpath:db/identity").load()
                .migrate();
        return new Schema() {
            @Override
            public DataSource dataSource() {
                return database;
            }

            @Override
            public Database.Product product() {
                return Database.Product.H2;
            }
        };
    }

    /** A configuration whose attributes have their defaults, but for those in {@code values} (keyed by method name). */
    static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "annotationType" -> type;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> type.getSimpleName() + values;
            };
        }));
    }

    /** Cheap Argon2id parameters, so that the tests run quickly; the defaults are measured in BENCHMARKS.md. */
    static IdentityConfiguration quick(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("password_memory_kib", 64, "password_iterations", 1));
        all.putAll(values);
        return config(IdentityConfiguration.class, all);
    }
}
