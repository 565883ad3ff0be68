package roadshow.identity.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.Access;
import roadshow.identity.api.Authorization;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Role;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * The rules of {@link Authorization}, in one place:
 * <ul>
 * <li>a platform admin may do anything to anything that exists;</li>
 * <li>an org admin (or a token scoped to the organisation) manages that organisation, its
 * descendants and their people;</li>
 * <li>a member sees their own organisation but does not manage it;</li>
 * <li>a person sees themselves, and only an admin of their organisation manages them;</li>
 * <li>a vendor author (or a vendor-scoped token) manages that vendor; anyone signed in sees a vendor;</li>
 * <li>anything else is someone else's: not found.</li>
 * </ul>
 */
@Component(service = Authorization.class)
public class AccessRules implements Authorization {

    private final Sql sql;
    private final roadshow.identity.api.Organisations organisations;

    @Activate
    public AccessRules(@Reference(target = "(roadshow.schema=roadshow.identity)") Schema schema,
            @Reference roadshow.identity.api.Organisations organisations) {
        this.sql = new Sql(schema.dataSource());
        this.organisations = organisations;
    }

    @Override
    public Access access(Subject subject, Permission permission, Target target) {
        if (subject == null) {
            return Access.UNAUTHENTICATED;
        }
        return switch (target.kind()) {
            case PLATFORM -> subject.isAdmin() || permission == Permission.VIEW ? Access.ALLOWED : Access.FORBIDDEN;
            case ORG -> org(subject, permission, target.id());
            case PERSON -> person(subject, permission, target.id());
            case VENDOR -> vendor(subject, permission, target.id());
        };
    }

    private Access org(Subject subject, Permission permission, String org) {
        if (!exists("identity_org", org)) {
            return Access.NOT_FOUND;
        }
        if (subject.isAdmin() || manages(subject, org)) {
            return Access.ALLOWED;
        }
        if (org.equals(subject.org())) {
            return permission == Permission.VIEW ? Access.ALLOWED : Access.FORBIDDEN;
        }
        return Access.NOT_FOUND;
    }

    private Access person(Subject subject, Permission permission, String personId) {
        Optional<Optional<String>> org = sql.one("select org from identity_person where id = ?",
                r -> Optional.ofNullable(r.getString(1)), personId);
        if (org.isEmpty()) {
            return Access.NOT_FOUND;
        }
        if (subject.isAdmin() || org.get().isPresent() && manages(subject, org.get().get())) {
            return Access.ALLOWED;
        }
        if (personId.equals(subject.personId())) {
            return permission == Permission.VIEW ? Access.ALLOWED : Access.FORBIDDEN;
        }
        return Access.NOT_FOUND;
    }

    private Access vendor(Subject subject, Permission permission, String vendor) {
        if (!exists("identity_vendor", vendor)) {
            return Access.NOT_FOUND;
        }
        if (subject.isAdmin() || subject.authorAt().contains(vendor) || permission == Permission.VIEW) {
            return Access.ALLOWED;
        }
        return Access.NOT_FOUND;
    }

    /** Whether {@code org} is one the subject is an admin of, or below one. */
    private boolean manages(Subject subject, String org) {
        Set<String> adminOf = subject.adminOf();
        if (adminOf.isEmpty()) {
            return false;
        }
        if (adminOf.contains(org)) {
            return true;
        }
        // Walk up from the org: cheaper than listing every descendant of every org administered.
        Set<String> seen = new HashSet<>();
        Optional<String> parent = parent(org);
        while (parent.isPresent() && seen.add(parent.get())) {
            if (adminOf.contains(parent.get())) {
                return true;
            }
            parent = parent(parent.get());
        }
        return false;
    }

    private Optional<String> parent(String org) {
        return sql.one("select parent from identity_org where id = ?", r -> r.getString(1), org);
    }

    private boolean exists(String table, String id) {
        return sql.one("select id from " + table + " where id = ?", r -> r.getString(1), id).isPresent();
    }

    @Override
    public boolean mayGrant(Subject subject, Role role) {
        if (subject == null || role.kind() == Role.Kind.LEARNER) {
            return false;
        }
        if (subject.isAdmin()) {
            return true;
        }
        return role.kind() == Role.Kind.ORG_ADMIN && manages(subject, role.org());
    }

    @Override
    public Set<String> managedOrgs(Subject subject) {
        if (subject == null) {
            return Set.of();
        }
        if (subject.isAdmin()) {
            return new HashSet<>(sql.list("select id from identity_org", r -> r.getString(1)));
        }
        Set<String> managed = new HashSet<>();
        for (String org : subject.adminOf()) {
            managed.addAll(organisations.withDescendants(org));
        }
        return managed;
    }
}
