package roadshow.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import roadshow.identity.api.Person;
import roadshow.identity.api.Role;

/**
 * The roles form: what the editor may change is set as the form says, and nothing else
 * moves. North is managed by its admin Bo, together with north-east below it; south is not.
 */
class RoleChangeTest {

    private static final String ADA = "p-ada";
    private static final Powers BO_ADMIN_OF_NORTH = new Powers("p-bo", false, Set.of("north", "north-east"));
    private static final Powers ROOT = new Powers("p-root", true, Set.of("north", "north-east", "south"));

    private static final Role ADMIN = Role.admin();
    private static final Role LEARNER = Role.learner();
    private static final Role NORTH = Role.orgAdmin("north");
    private static final Role NORTH_EAST = Role.orgAdmin("north-east");
    private static final Role SOUTH = Role.orgAdmin("south");
    private static final Role ACME = Role.vendorAuthor("acme");
    private static final Role GLOBEX = Role.vendorAuthor("globex");

    @Nested
    class AnOrgAdmin {

        @Test
        void grantsOrgAdminOfAnOrganisationTheyManage() {
            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER), Set.of(NORTH_EAST));

            assertThat(change.roles()).containsExactly(NORTH_EAST);
            assertThat(change.granted()).containsExactly(NORTH_EAST);
            assertThat(change.revoked()).isEmpty();
            assertThat(change.refused()).isEmpty();
            assertThat(change.changes()).isTrue();
        }

        @Test
        void removesOrgAdminOfAnOrganisationTheyManage() {
            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER, NORTH, NORTH_EAST), Set.of(NORTH_EAST));

            assertThat(change.roles()).containsExactly(NORTH_EAST);
            assertThat(change.revoked()).containsExactly(NORTH);
        }

        @Test
        void cannotGrantAdmin() {
            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER, NORTH), Set.of(NORTH, ADMIN));

            assertThat(change.refused()).containsExactly(ADMIN);
            assertThat(change.roles()).containsExactly(NORTH);
        }

        @Test
        void cannotGrantVendorAuthor() {
            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER), Set.of(ACME));

            assertThat(change.refused()).containsExactly(ACME);
            assertThat(change.roles()).isEmpty();
            assertThat(change.granted()).isEmpty();
        }

        @Test
        void cannotGrantOrgAdminOfAnOrganisationOutsideTheirs() {
            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER), Set.of(SOUTH));

            assertThat(change.refused()).containsExactly(SOUTH);
            assertThat(change.roles()).isEmpty();
        }

        @Test
        void keepsEveryRoleTheyMayNotTouchWhenTheFormLeavesThemOut() {
            List<Role> held = List.of(LEARNER, ADMIN, ACME, SOUTH, NORTH);

            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, held, Set.of());

            assertThat(change.roles()).containsExactlyInAnyOrder(ADMIN, ACME, SOUTH);
            assertThat(change.revoked()).containsExactly(NORTH);
            assertThat(change.granted()).isEmpty();
            assertThat(change.refused()).isEmpty();
        }

        @Test
        void aFormThatAsksToKeepAnUntouchableRoleTheyHoldIsNotRefused() {
            // a form sent again after another admin's change, or one built by hand: it changes nothing they may not change
            RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER, ADMIN, SOUTH), Set.of(ADMIN, SOUTH, NORTH));

            assertThat(change.refused()).isEmpty();
            assertThat(change.roles()).containsExactlyInAnyOrder(ADMIN, SOUTH, NORTH);
            assertThat(change.granted()).containsExactly(NORTH);
        }

        @Test
        void mayNotMoveAnyoneOutOfEveryOrganisationNorIntoOneTheyDoNotManage() {
            assertThat(BO_ADMIN_OF_NORTH.mayMoveTo("north-east")).isTrue();
            assertThat(BO_ADMIN_OF_NORTH.mayMoveTo("south")).isFalse();
            assertThat(BO_ADMIN_OF_NORTH.mayMoveTo(null)).isFalse();
        }
    }

    @Nested
    class APlatformAdmin {

        @Test
        void grantsAndRemovesEveryKindOfRole() {
            RoleChange change = RoleChange.of(ROOT, ADA, List.of(LEARNER, SOUTH, ACME), Set.of(ADMIN, GLOBEX, NORTH));

            assertThat(change.roles()).containsExactlyInAnyOrder(ADMIN, GLOBEX, NORTH);
            assertThat(change.granted()).containsExactlyInAnyOrder(ADMIN, GLOBEX, NORTH);
            assertThat(change.revoked()).containsExactlyInAnyOrder(SOUTH, ACME);
            assertThat(change.refused()).isEmpty();
        }

        @Test
        void removesAnotherAdminsAdminRole() {
            RoleChange change = RoleChange.of(ROOT, ADA, List.of(LEARNER, ADMIN), Set.of());

            assertThat(change.revoked()).containsExactly(ADMIN);
            assertThat(change.roles()).isEmpty();
        }

        @Test
        void cannotRemoveTheirOwnAdminRole() {
            RoleChange change = RoleChange.of(ROOT, ROOT.personId(), List.of(LEARNER, ADMIN, NORTH), Set.of());

            assertThat(change.roles()).containsExactly(ADMIN);
            assertThat(change.revoked()).containsExactly(NORTH);
            assertThat(ROOT.mayChange(ADMIN, ROOT.personId())).isFalse();
            assertThat(ROOT.mayChange(ADMIN, ADA)).isTrue();
        }

        @Test
        void movesAnyoneAnywhereAndOutOfEveryOrganisation() {
            assertThat(ROOT.mayMoveTo("south")).isTrue();
            assertThat(ROOT.mayMoveTo("an-org-made-a-moment-ago")).isTrue();
            assertThat(ROOT.mayMoveTo(null)).isTrue();
        }
    }

    @Test
    void theLearnerRoleIsNeverStoredNorGrantedNorRefused() {
        RoleChange change = RoleChange.of(BO_ADMIN_OF_NORTH, ADA, List.of(LEARNER), Set.of(LEARNER));

        assertThat(change.roles()).isEmpty();
        assertThat(change.refused()).isEmpty();
        assertThat(change.changes()).isFalse();
        assertThat(ROOT.mayChange(LEARNER, ADA)).isFalse();
    }

    @Test
    void aFormThatAsksForWhatIsHeldChangesNothing() {
        RoleChange change = RoleChange.of(ROOT, ADA, List.of(LEARNER, NORTH, ACME), Set.of(NORTH, ACME));

        assertThat(change.changes()).isFalse();
        assertThat(change.roles()).containsExactlyInAnyOrder(NORTH, ACME);
    }

    @Test
    void anIntegrationsTokenWithoutAPersonIsNoOneInParticular() {
        Powers token = new Powers(null, false, Set.of("north"));

        assertThat(token.mayChange(NORTH, ADA)).isTrue();
        assertThat(token.mayChange(ADMIN, null)).isFalse();
    }

    @Test
    void theFormsValuesAreReadAsRoles() {
        Set<Role> asked = RoleChange.asked(new String[] {"admin", "org-admin:north", "vendor-author:acme"}, " south ", "globex");

        assertThat(asked).containsExactlyInAnyOrder(ADMIN, NORTH, ACME, SOUTH, GLOBEX);
        assertThat(RoleChange.asked(null, "", "  ")).isEmpty();
        assertThat(RoleChange.asked(null, null, null)).isEmpty();
    }

    @Test
    void aRoleSurvivesTheRoundTripThroughTheForm() {
        for (Role role : List.of(ADMIN, NORTH, ACME, LEARNER)) {
            assertThat(RoleChange.role(RoleChange.value(role))).isEqualTo(role);
        }
        assertThat(RoleChange.value(NORTH)).isEqualTo("org-admin:north");
        assertThat(RoleChange.value(ACME)).isEqualTo("vendor-author:acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "root", "ADMIN", "org-admin", "org-admin:", "admin:north", "vendor-author:", "learner:x"})
    void aValueTheFormNeverOffersIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> RoleChange.asked(new String[] {value}, null, null));
    }

    @Test
    void rolesAreListedOrgAdminsFirstThenAuthorsThenAdmin() {
        assertThat(RoleChange.sorted(Set.of(ADMIN, ACME, SOUTH, NORTH))).containsExactly(NORTH, SOUTH, ACME, ADMIN);
    }

    @Test
    void theAuditLogSaysWhatWasGrantedAndWhatRemoved() {
        Person ada = new Person(ADA, "ada@north.example", "Ada Lovelace", "north", true, false, Instant.EPOCH);
        RoleChange change = RoleChange.of(ROOT, ADA, List.of(LEARNER, SOUTH), Set.of(NORTH, ADMIN));

        assertThat(PeoplePages.describe(ada, change, RoleChange::value)).isEqualTo(
                "Roles of Ada Lovelace (ada@north.example): granted org-admin:north, admin; removed org-admin:south.");
    }
}
