package roadshow.identity.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.IdentityException.Reason;
import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/** {@link Organisations} in the identity tables. */
// The identity tables are made by roadshow.store's schema extender from db/identity.
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = Organisations.class)
public class OrganisationStore implements Organisations {

    private static final int MAX_DEPTH = 32;

    private final Sql sql;

    @Activate
    public OrganisationStore(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema) {
        this.sql = new Sql(schema.dataSource());
    }

    @Override
    public Organisation create(String id, String name, String parent, List<String> domains) {
        Validation.slug(id, "id");
        String validName = Validation.name(name, "name");
        List<String> validDomains = domains(domains);
        try {
            return sql.transaction(c -> {
                if (parent != null && Sql.one(c, "select id from identity_org where id = ?", r -> r.getString(1), parent).isEmpty()) {
                    throw new IdentityException(Reason.NOT_FOUND, "parent", "There is no organisation '" + parent + "'.");
                }
                if (Sql.one(c, "select id from identity_org where id = ?", r -> r.getString(1), id).isPresent()) {
                    throw new IdentityException(Reason.CONFLICT, "id", "An organisation with the id '" + id + "' exists already.");
                }
                Instant now = Instant.now();
                Sql.update(c, "insert into identity_org (id, name, parent, created_at) values (?, ?, ?, ?)", id, validName, parent, now);
                insertDomains(c, id, validDomains);
                return new Organisation(id, validName, parent, validDomains, now);
            });
        } catch (Sql.Failure e) {
            if (e.duplicate()) {
                throw new IdentityException(Reason.CONFLICT, "id", "That id or one of those domains is taken already.");
            }
            throw e;
        }
    }

    private static List<String> domains(List<String> domains) {
        List<String> valid = new ArrayList<>(new LinkedHashSet<>(
                (domains == null ? List.<String>of() : domains).stream().map(Validation::domain).toList()));
        if (valid.size() > 20) {
            throw new IdentityException(Reason.INVALID, "domains", "An organisation claims at most 20 domains.");
        }
        return valid;
    }

    private static void insertDomains(Connection c, String org, List<String> domains) throws SQLException {
        for (String domain : domains) {
            Optional<String> holder = Sql.one(c, "select org from identity_org_domain where domain = ?", r -> r.getString(1), domain);
            if (holder.isPresent()) {
                throw new IdentityException(Reason.CONFLICT, "domains", "The domain " + domain + " is claimed by another organisation.");
            }
            Sql.update(c, "insert into identity_org_domain (domain, org) values (?, ?)", domain, org);
        }
    }

    @Override
    public Optional<Organisation> find(String id) {
        return sql.transaction(c -> Sql.one(c, "select * from identity_org where id = ?", r -> organisation(c, r), id));
    }

    @Override
    public List<Organisation> list(String afterId, int limit) {
        return sql.transaction(c -> Sql.list(c, "select * from identity_org where id > ? order by id fetch first " + limit + " rows only",
                r -> organisation(c, r), afterId == null ? "" : afterId));
    }

    private static Organisation organisation(Connection c, ResultSet row) throws SQLException {
        String id = row.getString("id");
        List<String> domains = Sql.list(c, "select domain from identity_org_domain where org = ? order by domain", r -> r.getString(1), id);
        return new Organisation(id, row.getString("name"), row.getString("parent"), domains, Sql.instant(row, "created_at"));
    }

    @Override
    public Set<String> withDescendants(String id) {
        return sql.transaction(c -> {
            Set<String> all = new LinkedHashSet<>();
            List<String> level = Sql.list(c, "select id from identity_org where id = ?", r -> r.getString(1), id);
            // Breadth first, level by level; the depth bound keeps a cycle made by hand in the database from looping.
            for (int depth = 0; !level.isEmpty() && depth < MAX_DEPTH; depth++) {
                all.addAll(level);
                List<String> next = new ArrayList<>();
                for (String parent : level) {
                    next.addAll(Sql.list(c, "select id from identity_org where parent = ?", r -> r.getString(1), parent));
                }
                next.removeAll(all);
                level = next;
            }
            return all;
        });
    }

    @Override
    public Organisation setDomains(String id, List<String> domains) {
        List<String> valid = domains(domains);
        sql.transaction(c -> {
            if (Sql.one(c, "select id from identity_org where id = ?", r -> r.getString(1), id).isEmpty()) {
                throw new IdentityException(Reason.NOT_FOUND, "org", "There is no organisation '" + id + "'.");
            }
            Sql.update(c, "delete from identity_org_domain where org = ?", id);
            insertDomains(c, id, valid);
            return null;
        });
        return find(id).orElseThrow();
    }

    @Override
    public int claimMembers(String id) {
        return sql.transaction(c -> {
            int joined = 0;
            for (String domain : Sql.list(c, "select domain from identity_org_domain where org = ?", r -> r.getString(1), id)) {
                joined += Sql.update(c, "update identity_person set org = ? where org is null and email_verified = true"
                        + " and email_key like ? escape '!'", id, "%@" + domain.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
            }
            return joined;
        });
    }

    @Override
    public Optional<Organisation> claiming(String email) {
        String domain = Validation.domainOf(email);
        Optional<String> org = sql.one("select org from identity_org_domain where domain = ?", r -> r.getString(1), domain);
        return org.flatMap(this::find);
    }
}
