package roadshow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.identity.api.IdentityException;
import roadshow.identity.api.People.Registration;
import roadshow.identity.api.Person;
import roadshow.store.api.Schema;

class SignedLinksTest {

    private static final String PASSWORD = "a-long-enough-password";

    private final Schema schema = IdentityTables.fresh();
    private final SessionStore sessions = new SessionStore(schema, IdentityTables.quick(Map.of()));
    private final PersonStore people = new PersonStore(schema, sessions, IdentityTables.quick(Map.of()));
    private final SignedLinks links = new SignedLinks(schema, people, people, sessions, IdentityTables.quick(Map.of()));
    private final Person person = people.register(new Registration("reset@example.test", "Rita", PASSWORD, null, true));

    @Test
    void aResetLinkSetsTheNewPasswordOnceAndEndsTheSessions() {
        String secret = links.issue("RESET@example.test").orElseThrow();
        var session = sessions.open(person.id());
        assertThat(links.check(secret)).map(Person::id).contains(person.id());
        links.reset(secret, "the-new-password");
        assertThat(sessions.find(session.secret())).isEmpty();
        assertThat(links.check(secret)).as("used up").isEmpty();
        assertThatThrownBy(() -> links.reset(secret, "yet-another-password")).extracting(e -> ((IdentityException) e).reason())
                .isEqualTo(IdentityException.Reason.NOT_FOUND);
        assertThat(people.logIn("reset@example.test", "the-new-password", null).outcome())
                .isEqualTo(roadshow.identity.api.People.LogIn.Outcome.SIGNED_IN);
    }

    @Test
    void noLinkForAnUnknownAddress() {
        assertThat(links.issue("nobody@example.test")).isEmpty();
    }

    @Test
    void aTamperedOrForeignLinkIsRefused() {
        String secret = links.issue("reset@example.test").orElseThrow();
        String[] parts = secret.split("\\.");
        assertThat(links.check(parts[0] + "." + parts[1].substring(1) + "A")).isEmpty();
        assertThat(links.check(parts[0])).isEmpty();
        assertThat(links.check("garbage")).isEmpty();
        assertThat(links.check(null)).isEmpty();
        SignedLinks otherInstallation = new SignedLinks(IdentityTables.fresh(), people, people, sessions, IdentityTables.quick(Map.of()));
        assertThat(otherInstallation.check(secret)).as("signed with another key").isEmpty();
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        SignedLinks instant = new SignedLinks(schema, people, people, sessions, IdentityTables.quick(Map.of("link_minutes", 0)));
        String secret = instant.issue("reset@example.test").orElseThrow();
        Thread.sleep(1_100);
        assertThat(links.check(secret)).isEmpty();
    }

    @Test
    void aVerificationLinkVerifiesOnce() {
        Person unverified = people.register(new Registration("new@example.test", "Nia", PASSWORD, null, false));
        String secret = links.verificationSecret(unverified.id());
        assertThat(links.check(secret)).as("not a reset link").isEmpty();
        assertThatThrownBy(() -> links.verify(secret, "someone-else-chose-this")).as("the link alone is not enough")
                .extracting(e -> ((IdentityException) e).reason()).isEqualTo(IdentityException.Reason.WRONG_PASSWORD);
        assertThat(links.verify(secret, PASSWORD)).map(Person::emailVerified).contains(true);
        assertThat(links.verify(secret, PASSWORD)).as("used up").isEmpty();
    }

    @Test
    void aLinkWithAnExpiryPastTheCalendarIsRefusedNotAFailure() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("reset|" + person.id() + "|99999999999999999").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(links.check(payload + ".AAAA")).isEmpty();
    }

    @Test
    void aResetJoinsTheOrganisationClaimingTheDomain() {
        new OrganisationStore(schema).create("example", "Example", null, java.util.List.of("example.test"));
        assertThat(links.reset(links.issue("reset@example.test").orElseThrow(), "the-new-password").org()).isEqualTo("example");
    }
}
