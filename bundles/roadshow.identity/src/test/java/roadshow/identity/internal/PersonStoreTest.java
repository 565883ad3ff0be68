package roadshow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.People.LogIn.Outcome;
import roadshow.identity.api.People.Registration;
import roadshow.identity.api.Person;
import roadshow.identity.api.Role;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;
import roadshow.store.api.Sql;

class PersonStoreTest {

    private static final String PASSWORD = "a-long-enough-password";

    private final Schema schema = IdentityTables.fresh();
    private final SessionStore sessions = new SessionStore(schema, IdentityTables.quick(Map.of()));
    private final PersonStore people = new PersonStore(schema, sessions,
            IdentityTables.quick(Map.of("throttle_account_failures", 3, "throttle_block_seconds", 1, "throttle_address_failures", 5)));
    private final OrganisationStore organisations = new OrganisationStore(schema);

    private Person register(String email, boolean verified) {
        return people.register(new Registration(email, "Someone", PASSWORD, null, verified));
    }

    @Test
    void aRegisteredPersonLogsInWithTheirPasswordAndNoOther() {
        Person person = register("Pat@Example.test", true);
        assertThat(people.logIn("pat@example.test", PASSWORD, "10.0.0.1").outcome()).isEqualTo(Outcome.SIGNED_IN);
        assertThat(people.logIn("PAT@EXAMPLE.TEST", PASSWORD, "10.0.0.1").person().id()).isEqualTo(person.id());
        assertThat(people.logIn("pat@example.test", "wrong-password!", "10.0.0.1").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(people.logIn("nobody@example.test", PASSWORD, "10.0.0.1").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(people.logIn(null, null, null).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void anAddressIsTakenOnceWhateverItsCase() {
        register("dup@example.test", true);
        assertThatThrownBy(() -> register("DUP@example.TEST", true)).isInstanceOf(IdentityException.class)
                .extracting(e -> ((IdentityException) e).reason()).isEqualTo(IdentityException.Reason.CONFLICT);
    }

    @Test
    void weakPasswordsMalformedAddressesAndUnknownOrganisationsAreRefused() {
        assertThatThrownBy(() -> people.register(new Registration("a@example.test", "A", "short", null, true)))
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> people.register(new Registration("not an address", "A", PASSWORD, null, true)))
                .hasMessageContaining("e-mail address");
        assertThatThrownBy(() -> people.register(new Registration("b@example.test", " ", PASSWORD, null, true)))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> people.register(new Registration("c@example.test", "C", PASSWORD, "no-such-org", true)))
                .extracting(e -> ((IdentityException) e).reason()).isEqualTo(IdentityException.Reason.NOT_FOUND);
    }

    @Test
    void anUnverifiedAddressCannotLogInUntilVerifiedAndThenJoinsTheOrganisationClaimingItsDomain() {
        organisations.create("acme", "Acme", null, List.of("acme.test"));
        Person person = register("una@acme.test", false);
        assertThat(person.org()).as("an unverified address joins nothing").isNull();
        assertThat(people.logIn("una@acme.test", PASSWORD, null).outcome()).isEqualTo(Outcome.UNVERIFIED);
        Person verified = people.verifyEmail(person.id());
        assertThat(verified.org()).isEqualTo("acme");
        assertThat(people.logIn("una@acme.test", PASSWORD, null).outcome()).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void failuresBeyondTheLimitBlockTheAccountEvenForTheRightPasswordUntilTheBlockPasses() throws Exception {
        register("target@example.test", true);
        assertThat(people.logIn("target@example.test", "wrong-1-wrong", "10.0.0.2").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(people.logIn("target@example.test", "wrong-2-wrong", "10.0.0.3").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(people.logIn("target@example.test", "wrong-3-wrong", "10.0.0.4").outcome()).isEqualTo(Outcome.THROTTLED);
        var blocked = people.logIn("target@example.test", PASSWORD, "10.0.0.5");
        assertThat(blocked.outcome()).isEqualTo(Outcome.THROTTLED);
        assertThat(blocked.retryAfter()).isPositive();
        Thread.sleep(1_100);
        assertThat(people.logIn("target@example.test", PASSWORD, "10.0.0.5").outcome()).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void attemptsMadeAtTheSameMomentCountBeforeAnyPasswordIsChecked() throws Exception {
        register("raced@example.test", true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Outcome>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String guess = "wrong-guess-" + i;
                guesses.add(pool.submit(() -> people.logIn("raced@example.test", guess, "10.7.0." + guess.length()).outcome()));
            }
            long checked = 0;
            for (var guess : guesses) {
                checked += guess.get() == Outcome.REFUSED ? 1 : 0;
            }
            assertThat(checked).as("guesses whose password was checked and refused").isLessThanOrEqualTo(2);
        } finally {
            pool.shutdown();
        }
        assertThat(people.logIn("raced@example.test", PASSWORD, "10.7.1.1").outcome()).isEqualTo(Outcome.THROTTLED);
    }

    @Test
    void anOverLongAddressIsCountedLikeAnyOther() {
        String longAddress = "x".repeat(400) + "@example.test";
        for (int i = 0; i < 2; i++) {
            assertThat(people.logIn(longAddress, "guess", "10.8.0.1").outcome()).isEqualTo(Outcome.REFUSED);
        }
        assertThat(people.logIn(longAddress, "guess", "10.8.0.2").outcome()).isEqualTo(Outcome.THROTTLED);
    }

    @Test
    void oneAddressFailingAcrossManyAccountsIsBlocked() {
        for (int i = 0; i < 4; i++) {
            assertThat(people.logIn("guess" + i + "@example.test", "guess", "10.9.9.9").outcome()).isEqualTo(Outcome.REFUSED);
        }
        assertThat(people.logIn("guess9@example.test", "guess", "10.9.9.9").outcome()).isEqualTo(Outcome.THROTTLED);
        register("bystander@example.test", true);
        assertThat(people.logIn("bystander@example.test", PASSWORD, "10.9.9.9").outcome()).as("from the blocked address")
                .isEqualTo(Outcome.THROTTLED);
        assertThat(people.logIn("bystander@example.test", PASSWORD, "10.1.1.1").outcome()).as("from elsewhere")
                .isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void logInReplacesAHashMadeWithOlderParameters() throws Exception {
        Person person = register("old@example.test", true);
        String before = hash(person.id());
        assertThat(before).contains("m=64,t=1,p=1");
        people.configure(IdentityTables.quick(Map.of("password_memory_kib", 128, "password_iterations", 2)));
        assertThat(people.logIn("old@example.test", PASSWORD, null).outcome()).isEqualTo(Outcome.SIGNED_IN);
        assertThat(hash(person.id())).contains("m=128,t=2,p=1");
        assertThat(people.logIn("old@example.test", PASSWORD, null).outcome()).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() {
        Person person = register("change@example.test", true);
        var session = sessions.open(person.id());
        assertThatThrownBy(() -> people.changePassword(person.id(), "not-the-current", "a-new-long-password"))
                .extracting(e -> ((IdentityException) e).reason()).isEqualTo(IdentityException.Reason.WRONG_PASSWORD);
        assertThat(sessions.find(session.secret())).isPresent();
        people.changePassword(person.id(), PASSWORD, "a-new-long-password");
        assertThat(sessions.find(session.secret())).isEmpty();
        assertThat(people.logIn("change@example.test", "a-new-long-password", null).outcome()).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void rolesAreSetAsAWholeAndNeedTheirOrganisationOrVendor() {
        Person person = register("roles@example.test", true);
        organisations.create("globex", "Globex", null, List.of());
        new VendorStore(schema).create("vendor-one", "Vendor One");
        people.setRoles(person.id(), List.of(Role.orgAdmin("globex"), Role.vendorAuthor("vendor-one"), Role.learner()));
        assertThat(people.roles(person.id())).containsExactly(Role.learner(), Role.orgAdmin("globex"), Role.vendorAuthor("vendor-one"));
        assertThat(people.account(person.id()).orElseThrow().roles()).as("one look-up, the same roles").isEqualTo(people.roles(person.id()));
        assertThat(people.account(person.id()).orElseThrow().subject().authorAt()).containsExactly("vendor-one");
        assertThat(people.account("no-such-person")).isEmpty();
        people.setRoles(person.id(), List.of(Role.admin()));
        assertThat(people.roles(person.id())).containsExactly(Role.learner(), Role.admin());
        assertThatThrownBy(() -> people.setRoles(person.id(), List.of(Role.orgAdmin("no-such-org"))))
                .extracting(e -> ((IdentityException) e).reason()).isEqualTo(IdentityException.Reason.NOT_FOUND);
        assertThat(people.roles(person.id())).as("a refused change changes nothing").containsExactly(Role.learner(), Role.admin());
    }

    private String hash(String personId) {
        return new Sql(schema.dataSource()).one("select password_hash from identity_person where id = ?", r -> r.getString(1), personId)
                .orElseThrow();
    }
}
