package roadshow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.identity.api.Access;
import roadshow.identity.api.People.Registration;
import roadshow.identity.api.Permission;
import roadshow.identity.api.Person;
import roadshow.identity.api.Role;
import roadshow.identity.api.Subject;
import roadshow.identity.api.Target;
import roadshow.store.api.Schema;

class AccessRulesTest {

    private final Schema schema = IdentityTables.fresh();
    private final PersonStore people = new PersonStore(schema, new SessionStore(schema, IdentityTables.quick(Map.of())),
            IdentityTables.quick(Map.of()));
    private final OrganisationStore organisations = new OrganisationStore(schema);
    private final AccessRules rules = new AccessRules(schema, organisations);
    private final Person east;
    private final Person globex;

    AccessRulesTest() {
        organisations.create("acme", "Acme", null, List.of());
        organisations.create("acme-east", "Acme East", "acme", List.of());
        organisations.create("acme-east-1", "Acme East One", "acme-east", List.of());
        organisations.create("globex", "Globex", null, List.of());
        new VendorStore(schema).create("vendor-one", "Vendor One");
        new VendorStore(schema).create("vendor-two", "Vendor Two");
        east = people.register(new Registration("e@acme.test", "E", "a-long-enough-password", "acme-east-1", true));
        globex = people.register(new Registration("g@globex.test", "G", "a-long-enough-password", "globex", true));
    }

    private static Subject subject(String id, String org, Role... roles) {
        return new Subject(id, "Someone", "someone@example.test", org, List.of(roles), null);
    }

    @Test
    void nobodySignedInIsUnauthenticatedForEverything() {
        assertThat(rules.access(null, Permission.VIEW, Target.org("acme"))).isEqualTo(Access.UNAUTHENTICATED);
        assertThat(rules.access(null, Permission.VIEW, Target.org("no-such-org"))).isEqualTo(Access.UNAUTHENTICATED);
    }

    @Test
    void anOrgAdminManagesTheirOrganisationItsDescendantsAndTheirPeopleAndNothingElse() {
        Subject admin = subject("x", "acme", Role.learner(), Role.orgAdmin("acme"));
        assertThat(rules.access(admin, Permission.MANAGE, Target.org("acme"))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(admin, Permission.MANAGE, Target.org("acme-east-1"))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(admin, Permission.MANAGE, Target.person(east.id()))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(admin, Permission.VIEW, Target.org("globex"))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.access(admin, Permission.VIEW, Target.person(globex.id()))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.access(admin, Permission.MANAGE, Target.platform())).isEqualTo(Access.FORBIDDEN);
        assertThat(rules.managedOrgs(admin)).containsExactlyInAnyOrder("acme", "acme-east", "acme-east-1");
    }

    @Test
    void anAdminOfAChildDoesNotManageItsParent() {
        Subject admin = subject("x", "acme-east", Role.orgAdmin("acme-east"));
        assertThat(rules.access(admin, Permission.MANAGE, Target.org("acme"))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.access(admin, Permission.MANAGE, Target.org("acme-east-1"))).isEqualTo(Access.ALLOWED);
    }

    @Test
    void aMemberSeesTheirOrganisationAndThemselvesButManagesNeither() {
        Subject member = subject(east.id(), "acme-east-1", Role.learner());
        assertThat(rules.access(member, Permission.VIEW, Target.org("acme-east-1"))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(member, Permission.MANAGE, Target.org("acme-east-1"))).isEqualTo(Access.FORBIDDEN);
        assertThat(rules.access(member, Permission.VIEW, Target.org("acme"))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.access(member, Permission.VIEW, Target.person(east.id()))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(member, Permission.MANAGE, Target.person(east.id()))).isEqualTo(Access.FORBIDDEN);
        assertThat(rules.access(member, Permission.VIEW, Target.person(globex.id()))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.managedOrgs(member)).isEmpty();
    }

    @Test
    void aVendorAuthorManagesOnlyTheirVendor() {
        Subject author = subject("a", null, Role.vendorAuthor("vendor-one"));
        assertThat(rules.access(author, Permission.MANAGE, Target.vendor("vendor-one"))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(author, Permission.MANAGE, Target.vendor("vendor-two"))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.access(author, Permission.VIEW, Target.vendor("vendor-two"))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(author, Permission.VIEW, Target.org("acme"))).isEqualTo(Access.NOT_FOUND);
    }

    @Test
    void aPlatformAdminMayDoAnythingToWhatExists() {
        Subject admin = subject("root", null, Role.admin());
        assertThat(rules.access(admin, Permission.MANAGE, Target.platform())).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(admin, Permission.MANAGE, Target.person(globex.id()))).isEqualTo(Access.ALLOWED);
        assertThat(rules.access(admin, Permission.MANAGE, Target.org("no-such-org"))).isEqualTo(Access.NOT_FOUND);
        assertThat(rules.managedOrgs(admin)).contains("acme", "globex");
    }

    @Test
    void onlyAdminsGrantAnyRoleAndOrgAdminsOnlyAdminOfOrganisationsTheyManage() {
        Subject admin = subject("root", null, Role.admin());
        Subject orgAdmin = subject("x", "acme", Role.orgAdmin("acme"));
        assertThat(rules.mayGrant(admin, Role.vendorAuthor("vendor-one"))).isTrue();
        assertThat(rules.mayGrant(orgAdmin, Role.orgAdmin("acme-east"))).isTrue();
        assertThat(rules.mayGrant(orgAdmin, Role.orgAdmin("globex"))).isFalse();
        assertThat(rules.mayGrant(orgAdmin, Role.admin())).isFalse();
        assertThat(rules.mayGrant(orgAdmin, Role.vendorAuthor("vendor-one"))).isFalse();
        assertThat(rules.mayGrant(subject("l", "acme", Role.learner()), Role.orgAdmin("acme"))).isFalse();
    }
}
