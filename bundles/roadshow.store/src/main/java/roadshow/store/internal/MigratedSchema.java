package roadshow.store.internal;

import javax.sql.DataSource;

import roadshow.store.api.Database;
import roadshow.store.api.Schema;

/** A bundle's tables once its migrations have run: they live in the one database. */
record MigratedSchema(DataSource dataSource, Database.Product product) implements Schema {
}
