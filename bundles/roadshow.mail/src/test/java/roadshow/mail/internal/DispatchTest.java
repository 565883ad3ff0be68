package roadshow.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.mail.internal.OutboxDatabase.count;
import static roadshow.mail.internal.OutboxDatabase.row;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;

/** Rounds through the outbox against a real in-memory H2 database, with a relay that fails when told to. */
class DispatchTest {

    private final StepClock clock = new StepClock();
    private DataSource database;
    private Outbox outbox;
    private Dispatch dispatch;

    @BeforeEach
    void freshOutbox() {
        database = OutboxDatabase.h2();
        outbox = new Outbox(database);
        dispatch = new Dispatch(outbox, clock);
    }

    @Test
    void aQueuedMailIsDeliveredOnceAndMarkedSent() throws SQLException {
        String id = outbox.queue(Mail.text("ada@example.com", "Welcome", "Hello Ada"), clock.instant());
        RecordingRelay relay = new RecordingRelay();

        Optional<Instant> next = dispatch.deliverDue(settings(relay, Map.of()), () -> false);
        dispatch.deliverDue(settings(relay, Map.of()), () -> false);

        assertThat(relay.delivered).containsExactly(id);
        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("sent", 1, null));
        assertThat(next).as("nothing left queued").isEmpty();
    }

    @Test
    void aMailComesOutOfTheOutboxAsItWentIn() throws SQLException {
        Mail mail = new Mail("Zoë Ünal <zoe@example.com>", "Grüße, 日本 ✓", "Text\r\nwith lines\n", "<p>Hi</p>",
                List.of(new Attachment("invite.ics", "text/calendar; method=REQUEST; charset=UTF-8",
                                "BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8)),
                        new Attachment("blob.bin", "application/octet-stream", new byte[] { 0, -1, 7, -128 })));

        String id = outbox.queue(mail, clock.instant());

        assertThat(outbox.load(id)).isEqualTo(mail);
    }

    @Test
    void aFailedDeliveryIsTriedAgainAfterAPauseThatGrows() throws SQLException {
        String id = outbox.queue(Mail.text("ada@example.com", "Welcome", "Hello"), clock.instant());
        RecordingRelay relay = new RecordingRelay().failing(new MessagingException("Connection refused"),
                new MessagingException("Connection refused"));
        Settings settings = settings(relay, Map.of("retry.seconds", 60));

        Optional<Instant> next = dispatch.deliverDue(settings, () -> false);

        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("queued", 1, "Connection refused"));
        assertThat(next).contains(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        dispatch.deliverDue(settings, () -> false);
        assertThat(relay.attempted).as("not due yet").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        next = dispatch.deliverDue(settings, () -> false);
        assertThat(relay.attempted).hasSize(2);
        assertThat(next).as("the second pause is twice the first").contains(clock.instant().plusSeconds(120));

        clock.advance(Duration.ofSeconds(120));
        dispatch.deliverDue(settings, () -> false);
        assertThat(relay.delivered).containsExactly(id);
        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("sent", 3, "Connection refused"));
    }

    @Test
    void aMailIsGivenUpOnAfterTheLastAttemptWithTheError() throws SQLException {
        String id = outbox.queue(Mail.text("ada@example.com", "Welcome", "Hello"), clock.instant());
        RecordingRelay relay = new RecordingRelay().failing(new MessagingException("first"),
                new MessagingException("second", new ConnectException("Connection refused")));
        Settings settings = settings(relay, Map.of("max.attempts", 2, "retry.seconds", 1));

        dispatch.deliverDue(settings, () -> false);
        clock.advance(Duration.ofSeconds(1));
        Optional<Instant> next = dispatch.deliverDue(settings, () -> false);

        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("failed", 2, "second: Connection refused"));
        assertThat(next).isEmpty();
        clock.advance(Duration.ofHours(2));
        dispatch.deliverDue(settings, () -> false);
        assertThat(relay.attempted).hasSize(2);
    }

    @Test
    void aRecipientTheServerRefusesIsNotTriedAgain() throws Exception {
        String id = outbox.queue(Mail.text("nobody@example.com", "Welcome", "Hello"), clock.instant());
        SendFailedException refused = new SendFailedException("550 5.1.1 No such user", null, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] { new InternetAddress("nobody@example.com") });
        RecordingRelay relay = new RecordingRelay().failing(refused);

        dispatch.deliverDue(settings(relay, Map.of()), () -> false);

        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("failed", 1, "550 5.1.1 No such user"));
    }

    @Test
    void withoutAMailServerTheMailIsWrittenToTheLogInFullAndMarkedLogged() throws SQLException {
        String id = outbox.queue(new Mail("ada@example.com", "Reset your password",
                "Open https://roadshow.test/reset?token=abc123 to choose a new password.", "<p>html</p>",
                List.of(new Attachment("invite.ics", "text/calendar", new byte[12]))), clock.instant());

        String log = capturingStandardError(() -> dispatch.deliverDue(settings(null, Map.of("host", "")), () -> false));

        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("logged", 1, null));
        assertThat(log).contains("INFO", id, "To: ada@example.com", "Subject: Reset your password",
                "Open https://roadshow.test/reset?token=abc123 to choose a new password.",
                "[attached: invite.ics, text/calendar, 12 bytes]");
    }

    @Test
    void twoNodesDeliverEachMailOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(outbox.queue(Mail.text("learner" + i + "@example.com", "Mail " + i, "Text"), clock.instant()));
        }
        RecordingRelay relay = new RecordingRelay(2);
        Settings settings = settings(relay, Map.of());
        Callable<Object> node = () -> new Dispatch(new Outbox(database), clock).deliverDue(settings, () -> false);

        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            for (Future<Object> round : nodes.invokeAll(List.of(node, node, node))) {
                round.get();
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(relay.delivered).hasSize(30).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(count(database, "SELECT COUNT(*) FROM mail_outbox WHERE state = 'sent' AND attempts = 1")).isEqualTo(30);
    }

    @Test
    void aMailClaimedByANodeThatStoppedIsQueuedAgainOnceTheClaimRunsOut() throws SQLException {
        String id = outbox.queue(Mail.text("ada@example.com", "Welcome", "Hello"), clock.instant());
        outbox.claim(id, clock.instant()).orElseThrow(); // and that node was never heard of again
        RecordingRelay relay = new RecordingRelay();
        Settings settings = settings(relay, Map.of());

        dispatch.deliverDue(settings, () -> false);
        assertThat(relay.attempted).as("still claimed").isEmpty();

        clock.advance(settings.lease().plusSeconds(1));
        dispatch.deliverDue(settings, () -> false);
        assertThat(relay.delivered).containsExactly(id);
        assertThat(row(database, id).state()).isEqualTo("sent");
    }

    @Test
    void theOutcomeOfAnAttemptWhoseClaimWasTakenOverIsNotRecorded() throws SQLException {
        String id = outbox.queue(Mail.text("ada@example.com", "Welcome", "Hello"), clock.instant());
        Outbox.Claim slow = outbox.claim(id, clock.instant()).orElseThrow();
        clock.advance(Duration.ofHours(1));
        outbox.releaseAbandoned(clock.instant(), clock.instant());
        Outbox.Claim takenOver = outbox.claim(id, clock.instant()).orElseThrow();

        assertThat(outbox.retry(slow, clock.instant(), "late")).isFalse();
        assertThat(outbox.finish(takenOver, Outbox.State.SENT, clock.instant(), null)).isTrue();
        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("sent", 2,
                "abandoned by the node delivering it, which stopped or took too long"));
    }

    @Test
    void aRoundEndsBetweenMailsWhenTheCourierStops() throws SQLException {
        outbox.queue(Mail.text("ada@example.com", "One", "1"), clock.instant());
        outbox.queue(Mail.text("ada@example.com", "Two", "2"), clock.instant());
        RecordingRelay relay = new RecordingRelay();

        dispatch.deliverDue(settings(relay, Map.of()), () -> !relay.delivered.isEmpty());

        assertThat(relay.delivered).hasSize(1);
        assertThat(count(database, "SELECT COUNT(*) FROM mail_outbox WHERE state = 'queued'")).isEqualTo(1);
    }

    @Test
    void finishedMailsAreDeletedOnceTheyAreOlderThanKept() throws SQLException {
        String old = outbox.queue(new Mail("ada@example.com", "Old", "Text", null,
                List.of(new Attachment("a.txt", "text/plain", new byte[3]))), clock.instant());
        RecordingRelay relay = new RecordingRelay();
        Settings settings = settings(relay, Map.of("keep.days", 2));
        dispatch.deliverDue(settings, () -> false);

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        String waiting = outbox.queue(Mail.text("ada@example.com", "New", "Text"), clock.instant());
        relay.failing(new MessagingException("Connection refused"));
        dispatch.deliverDue(settings, () -> false);

        assertThat(row(database, old)).isNull();
        assertThat(count(database, "SELECT COUNT(*) FROM mail_attachment")).isZero();
        assertThat(row(database, waiting).state()).as("a mail still to deliver stays").isEqualTo("queued");
    }

    /** Settings from the defaults and the values given; a {@code null} relay means the relay they configure. */
    private Settings settings(Relay relay, Map<String, Object> properties) {
        Settings configured = Settings.of(Configs.courier(properties), clock);
        return relay == null ? configured : new Settings(relay, configured.maxAttempts(), configured.firstRetry(),
                configured.poll(), configured.lease(), configured.keep());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String capturingStandardError(Action action) {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.setErr(standardError);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
