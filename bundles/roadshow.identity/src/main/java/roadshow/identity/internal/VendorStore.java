package roadshow.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/** {@link Vendors} in the identity tables. */
@Component(service = Vendors.class)
public class VendorStore implements Vendors {

    private final Sql sql;

    @Activate
    public VendorStore(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema) {
        this.sql = new Sql(schema.dataSource());
    }

    @Override
    public Vendor create(String id, String name) {
        Validation.slug(id, "id");
        String validName = Validation.name(name, "name");
        Instant now = Instant.now();
        try {
            sql.update("insert into identity_vendor (id, name, created_at) values (?, ?, ?)", id, validName, now);
        } catch (Sql.Failure e) {
            if (e.duplicate()) {
                throw new IdentityException(Reason.CONFLICT, "id", "A vendor with the id '" + id + "' exists already.");
            }
            throw e;
        }
        return new Vendor(id, validName, now);
    }

    @Override
    public Optional<Vendor> find(String id) {
        return sql.one("select * from identity_vendor where id = ?", VendorStore::vendor, id);
    }

    @Override
    public List<Vendor> list() {
        return sql.list("select * from identity_vendor order by id", VendorStore::vendor);
    }

    private static Vendor vendor(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Vendor(row.getString("id"), row.getString("name"), Sql.instant(row, "created_at"));
    }
}
