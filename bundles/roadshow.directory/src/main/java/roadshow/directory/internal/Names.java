package roadshow.directory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import roadshow.identity.api.Organisation;
import roadshow.identity.api.Organisations;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.identity.api.Role;
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;

/**
 * The names of the organisations, vendors and people one page shows, each looked up once.
 * Something that has gone since it was referred to is shown by its id.
 */
final class Names {

    /** Organisations fetched per query when every one is wanted. */
    private static final int BATCH = 500;

    private final Organisations organisations;
    private final Vendors vendors;
    private final People people;
    private final Map<String, Optional<Organisation>> orgs = new HashMap<>();
    private final Map<String, Optional<Vendor>> vendorsById = new HashMap<>();
    private final Map<String, Optional<Person>> persons = new HashMap<>();

    Names(Organisations organisations, Vendors vendors, People people) {
        this.organisations = organisations;
        this.vendors = vendors;
        this.people = people;
    }

    Optional<Organisation> organisation(String id) {
        return orgs.computeIfAbsent(id, organisations::find);
    }

    String org(String id) {
        return id == null ? "" : organisation(id).map(Organisation::name).orElse(id);
    }

    String vendor(String id) {
        return id == null ? "" : vendorsById.computeIfAbsent(id, vendors::find).map(Vendor::name).orElse(id);
    }

    String person(String id) {
        return id == null ? "" : persons.computeIfAbsent(id, people::find).map(Person::name).orElse(id);
    }

    /** A role as a person reads it: "admin of Northwind Traders". */
    String role(Role role) {
        return switch (role.kind()) {
            case LEARNER -> "learner";
            case ADMIN -> "platform admin";
            case ORG_ADMIN -> "admin of " + org(role.org());
            case VENDOR_AUTHOR -> "author at " + vendor(role.vendor());
        };
    }

    /** The roles someone holds beyond the learner's, as a person reads them. */
    List<String> roles(List<Role> roles) {
        return RoleChange.sorted(roles).stream().filter(r -> r.kind() != Role.Kind.LEARNER).map(this::role).toList();
    }

    /** Every organisation, by name; remembered for the names on the rest of the page. */
    List<Organisation> allOrganisations() {
        List<Organisation> all = new ArrayList<>();
        List<Organisation> batch;
        String after = null;
        do {
            batch = organisations.list(after, BATCH);
            all.addAll(batch);
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).id();
            }
        } while (batch.size() == BATCH);
        all.forEach(org -> orgs.put(org.id(), Optional.of(org)));
        return byName(all);
    }

    /** The organisations with these ids that exist, by name. */
    List<Organisation> organisations(Collection<String> ids) {
        return byName(ids.stream().map(this::organisation).flatMap(Optional::stream).toList());
    }

    static List<Organisation> byName(List<Organisation> orgs) {
        return orgs.stream().sorted(Comparator.comparing((Organisation o) -> o.name().toLowerCase()).thenComparing(Organisation::id))
                .toList();
    }
}
