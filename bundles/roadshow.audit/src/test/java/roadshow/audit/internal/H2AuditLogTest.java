package roadshow.audit.internal;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The audit log on H2, as a single Roadshow node and every development setup keeps it. */
class H2AuditLogTest extends AuditLogTests {

    @Override
    DataSource freshDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }
}
