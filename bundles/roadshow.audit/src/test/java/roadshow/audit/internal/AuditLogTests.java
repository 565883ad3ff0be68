package roadshow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditQuery;

/**
 * {@link DatabaseAuditLog} on a real database with the bundle's own migrations applied;
 * each database Roadshow runs on runs these tests.
 */
abstract class AuditLogTests {

    static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589793Z");

    DataSource database;
    DatabaseAuditLog log;

    /** A new, empty database. */
    abstract DataSource freshDatabase() throws SQLException;

    @BeforeEach
    void migratedDatabase() throws SQLException {
        database = freshDatabase();
        AuditTables.migrate(database);
        log = new DatabaseAuditLog(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void recordedEventsComeBackNewestFirst() {
        log.record(AuditEvent.of("p-ada", "Ada Lovelace", "session.login", null, null, "Signed in", "192.0.2.1"));
        log.record(AuditEvent.of("p-ada", "Ada Lovelace", "token.issue", "token", "t-1", "Issued token CRM sync", "192.0.2.1"));
        log.record(AuditEvent.of(AuditEvent.SYSTEM, null, "org.create", "org", "northwind", "Created Northwind", null));

        List<AuditEvent> events = log.list(AuditQuery.latest(10));

        assertThat(events).extracting(AuditEvent::action).containsExactly("org.create", "token.issue", "session.login");
        assertThat(events).extracting(AuditEvent::id).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void everyFieldIsKeptAsRecorded() {
        Instant at = Instant.parse("2025-01-02T03:04:05.123456Z");
        log.record(new AuditEvent(null, at, "token:t-7", "CRM sync", "role.set", "person", "p-grace",
                "Made Grace Hopper an admin of Northwind", "2001:db8::1"));

        AuditEvent event = log.list(AuditQuery.latest(1)).get(0);

        assertThat(event).usingRecursiveComparison().ignoringFields("id").isEqualTo(new AuditEvent(null, at,
                "token:t-7", "CRM sync", "role.set", "person", "p-grace", "Made Grace Hopper an admin of Northwind",
                "2001:db8::1"));
    }

    @Test
    void anEventWithoutATimeHappenedWhenItWasRecorded() {
        log.record(AuditEvent.of("p-ada", "Ada Lovelace", "session.login", null, null, null, null));

        assertThat(log.list(AuditQuery.latest(1)).get(0).at()).isEqualTo(NOW);
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        log.record(new AuditEvent(null, Instant.parse("2025-01-02T03:04:05.123456789Z"), "p-ada", null,
                "session.login", null, null, null, null));

        assertThat(log.list(AuditQuery.latest(1)).get(0).at()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123456Z"));
    }

    @Test
    void theIdGivenWhenRecordingIsIgnored() {
        log.record(new AuditEvent("forged", null, "p-ada", null, "session.login", null, null, null, null));

        assertThat(log.list(AuditQuery.latest(1)).get(0).id()).isNotEqualTo("forged").matches("\\d+");
    }

    @Test
    void theLimitCapsTheAnswerToTheNewest() {
        recordLogins(5);

        assertThat(log.list(AuditQuery.latest(2))).extracting(AuditEvent::detail).containsExactly("login 5", "login 4");
    }

    @Test
    void anActorFilterFindsOnlyThatActorsEvents() {
        log.record(AuditEvent.of("p-ada", "Ada", "session.login", null, null, null, null));
        log.record(AuditEvent.of("p-grace", "Grace", "session.login", null, null, null, null));
        log.record(AuditEvent.of("token:t-1", "CRM", "token.use", "token", "t-1", null, null));
        log.record(AuditEvent.of("p-ada", "Ada", "token.issue", "token", "t-1", null, null));

        assertThat(log.list(new AuditQuery("p-ada", null, null, null, null, 10)))
                .extracting(AuditEvent::action).containsExactly("token.issue", "session.login");
        assertThat(log.list(new AuditQuery("token:t-1", null, null, null, null, 10)))
                .extracting(AuditEvent::action).containsExactly("token.use");
    }

    @Test
    void aTargetFilterFindsTheEventsAboutThatTarget() {
        log.record(AuditEvent.of("p-ada", null, "person.create", "person", "p-grace", null, null));
        log.record(AuditEvent.of("p-ada", null, "org.create", "org", "p-grace", null, null)); // same id, other kind
        log.record(AuditEvent.of("p-ada", null, "role.set", "person", "p-grace", null, null));
        log.record(AuditEvent.of("p-ada", null, "role.set", "person", "p-linus", null, null));

        assertThat(log.list(new AuditQuery(null, null, "person", "p-grace", null, 10)))
                .extracting(AuditEvent::action).containsExactly("role.set", "person.create");
        assertThat(log.list(new AuditQuery(null, null, "person", null, null, 10))).hasSize(3);
        assertThat(log.list(new AuditQuery(null, null, null, "p-grace", null, 10))).hasSize(3);
    }

    @Test
    void everyFilterGivenMustMatch() {
        log.record(AuditEvent.of("p-ada", null, "role.set", "person", "p-grace", "ada on grace", null));
        log.record(AuditEvent.of("p-linus", null, "role.set", "person", "p-grace", "linus on grace", null));
        log.record(AuditEvent.of("p-ada", null, "role.set", "person", "p-linus", "ada on linus", null));
        log.record(AuditEvent.of("p-ada", null, "person.create", "person", "p-grace", "ada created grace", null));

        assertThat(log.list(new AuditQuery("p-ada", "role.set", "person", "p-grace", null, 10)))
                .extracting(AuditEvent::detail).containsExactly("ada on grace");
    }

    @Test
    void anActionFilterMatchesThatActionOnly() {
        log.record(AuditEvent.of("p-ada", null, "session.login", null, null, null, null));
        log.record(AuditEvent.of("p-ada", null, "session.login-failed", null, null, null, null));

        assertThat(log.list(new AuditQuery(null, "session.login", null, null, null, 10)))
                .extracting(AuditEvent::action).containsExactly("session.login");
    }

    @Test
    void anActionEndingInADotMatchesEveryActionStartingWithIt() {
        for (String action : List.of("session.login", "token.issue", "session.login-failed", "sessions.purge",
                "session", "token.revoke")) {
            log.record(AuditEvent.of("p-ada", null, action, null, null, null, null));
        }

        assertThat(log.list(new AuditQuery(null, "session.", null, null, null, 10)))
                .extracting(AuditEvent::action).containsExactly("session.login-failed", "session.login");
        assertThat(log.list(new AuditQuery(null, "token.", null, null, null, 10)))
                .extracting(AuditEvent::action).containsExactly("token.revoke", "token.issue");
    }

    @Test
    void wildcardsInAnActionPrefixAreTakenLiterally() {
        for (String action : List.of("a_b.one", "axb.two", "a%b.three", "azzb.four", "a!b.five", "ab.six")) {
            log.record(AuditEvent.of("p-ada", null, action, null, null, null, null));
        }

        assertThat(log.list(new AuditQuery(null, "a_b.", null, null, null, 10))).extracting(AuditEvent::action)
                .containsExactly("a_b.one");
        assertThat(log.list(new AuditQuery(null, "a%b.", null, null, null, 10))).extracting(AuditEvent::action)
                .containsExactly("a%b.three");
        assertThat(log.list(new AuditQuery(null, "a!b.", null, null, null, 10))).extracting(AuditEvent::action)
                .containsExactly("a!b.five");
    }

    @Test
    void pagingBeforeTheLastIdShownWalksEveryEventOnceNewestFirst() {
        recordLogins(8);

        List<String> walked = new ArrayList<>();
        AuditQuery query = AuditQuery.latest(3);
        for (List<AuditEvent> page = log.list(query); !page.isEmpty(); page = log.list(query)) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            page.forEach(event -> walked.add(event.detail()));
            query = query.before(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsExactly("login 8", "login 7", "login 6", "login 5", "login 4", "login 3",
                "login 2", "login 1");
    }

    @Test
    void pagingKeepsToTheFilters() {
        for (int i = 1; i <= 6; i++) {
            log.record(AuditEvent.of(i % 2 == 0 ? "p-ada" : "p-grace", null, "session.login", null, null, "login " + i, null));
        }
        AuditQuery ada = new AuditQuery("p-ada", "session.", null, null, null, 2);

        List<AuditEvent> first = log.list(ada);
        List<AuditEvent> second = log.list(ada.before(first.get(1).id()));

        assertThat(first).extracting(AuditEvent::detail).containsExactly("login 6", "login 4");
        assertThat(second).extracting(AuditEvent::detail).containsExactly("login 2");
    }

    @Test
    void eventsRecordedWhileSomeonePagesDoNotShiftTheOlderPages() {
        recordLogins(4);
        List<AuditEvent> first = log.list(AuditQuery.latest(2));

        log.record(AuditEvent.of("p-ada", null, "session.login", null, null, "login 5", null));
        List<AuditEvent> second = log.list(AuditQuery.latest(2).before(first.get(1).id()));

        assertThat(second).extracting(AuditEvent::detail).containsExactly("login 2", "login 1");
    }

    @Test
    void aBeforeIdThatIsNoEventIdIsRefused() {
        assertThatThrownBy(() -> log.list(AuditQuery.latest(10).before("yesterday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
    }

    @Test
    void textLongerThanTheLogKeepsIsCutShortNotRefused() {
        String typedAtSignIn = "x".repeat(1000) + "@example.com";
        log.record(AuditEvent.of(typedAtSignIn, "n".repeat(500), "session.login-failed", "person", typedAtSignIn,
                "d".repeat(5000), "a".repeat(200)));

        AuditEvent event = log.list(AuditQuery.latest(1)).get(0);

        assertThat(event.actor()).hasSize(DatabaseAuditLog.ACTOR_LENGTH).endsWith("x…");
        assertThat(event.actorName()).hasSize(DatabaseAuditLog.ACTOR_NAME_LENGTH);
        assertThat(event.targetId()).hasSize(DatabaseAuditLog.TARGET_ID_LENGTH);
        assertThat(event.detail()).hasSize(DatabaseAuditLog.DETAIL_LENGTH).endsWith("d…");
        assertThat(event.address()).hasSize(DatabaseAuditLog.ADDRESS_LENGTH);
    }

    @Test
    void textWithNulCharactersIsStillRecorded() {
        log.record(AuditEvent.of("p-ada", null, "session.login-failed", null, null, "Unknown email ada\0@example.com", null));

        assertThat(log.list(AuditQuery.latest(1)).get(0).detail()).isEqualTo("Unknown email ada\uFFFD@example.com");
    }

    @Test
    void anEventIsCommittedEvenWhenConnectionsComeInATransaction() throws SQLException {
        DatabaseAuditLog onTransactionalConnections = new DatabaseAuditLog(connectionsInATransaction(database),
                Clock.fixed(NOW, ZoneOffset.UTC));

        onTransactionalConnections.record(AuditEvent.of("p-ada", null, "session.login", null, null, null, null));

        assertThat(AuditTables.query(database, "SELECT action FROM audit_event")).containsExactly("session.login");
    }

    @Test
    void anEventThatCannotBeWrittenIsReportedToTheRecorder() throws SQLException {
        DatabaseAuditLog withoutTables = new DatabaseAuditLog(freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> withoutTables.record(AuditEvent.of("p-ada", null, "role.set", null, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("role.set by p-ada not recorded");
    }

    private void recordLogins(int count) {
        IntStream.rangeClosed(1, count).forEach(i ->
                log.record(AuditEvent.of("p-ada", "Ada Lovelace", "session.login", null, null, "login " + i, null)));
    }

    /** {@code database}, handing out connections with auto-commit off, as a pool may be configured to. */
    private static DataSource connectionsInATransaction(DataSource database) {
        return (DataSource) Proxy.newProxyInstance(AuditLogTests.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    try {
                        Object result = method.invoke(database, arguments);
                        if (result instanceof Connection connection) {
                            connection.setAutoCommit(false);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
