package roadshow.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.mail.internal.OutboxDatabase.row;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;
import roadshow.store.api.Database;
import roadshow.store.api.Schema;

/**
 * The courier on its own thread, as Declarative Services runs it, against a real H2
 * database and a real SMTP server (GreenMail) that a test can start late.
 */
class CourierTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private DataSource database;
    private GreenMail server;
    private int port;
    private Courier courier;

    @BeforeEach
    void freshOutboxAndServer() {
        database = OutboxDatabase.h2();
        port = FreePort.find();
        server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (courier != null) {
            courier.stop();
        }
        server.stop();
    }

    @Test
    void aMailQueuedOnThisNodeGoesOutAtOnceNotAtTheNextPoll() throws Exception {
        server.start();
        courier = courier(Map.of("poll.seconds", 3600));
        awaitIdle();

        String id = mailer().send(Mail.text("ada@example.com", "Reset your password", "Open the link"));

        assertThat(server.waitForIncomingEmail(5_000, 1)).as("delivered within 5 s, though the poll is an hour").isTrue();
        await(() -> "sent".equals(row(database, id).state()));
    }

    @Test
    void aMailQueuedOnAnotherNodeIsFoundByPolling() throws Exception {
        server.start();
        courier = courier(Map.of("poll.seconds", 1));
        awaitIdle();

        // written by another node's mailer: nobody wakes this courier
        String id = new Outbox(database).queue(Mail.text("ada@example.com", "Hi", "From elsewhere"), Clock.systemUTC().instant());

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        await(() -> "sent".equals(row(database, id).state()));
    }

    @Test
    void aMailTheServerCouldNotTakeGoesOutOnceWhenItCan() throws Exception {
        courier = courier(Map.of());

        String id = mailer().send(new Mail("ada@example.com", "Invitation", "See attached", null,
                List.of(new Attachment("invite.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes()))));
        await(() -> row(database, id).attempts() >= 1 && "queued".equals(row(database, id).state()));
        assertThat(row(database, id).lastError()).contains("Connection refused");

        server.start();

        assertThat(server.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        await(() -> "sent".equals(row(database, id).state()));
        Thread.sleep(1_500); // longer than the next pause would be, were it tried again
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aNewConfigurationAppliesWithoutARestart() throws Exception {
        server.start();
        courier = courier(Map.of("host", ""));
        String logged = mailer().send(Mail.text("ada@example.com", "Hi", "To the log"));
        await(() -> "logged".equals(row(database, logged).state()));

        courier.configure(Configs.courier(Configs.smtp(port)));
        String sent = mailer().send(Mail.text("ada@example.com", "Hi", "To the server"));

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        await(() -> "sent".equals(row(database, sent).state()));
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailsWaitWhileTheConfigurationIsNotValid() throws Exception {
        server.start();
        courier = courier(Map.of("security", "tls"));
        String id = mailer().send(Mail.text("ada@example.com", "Hi", "Waiting"));
        Thread.sleep(500);
        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("queued", 0, null));

        Map<String, Object> fixed = new HashMap<>(Configs.smtp(port));
        fixed.put("security", "none");
        courier.configure(Configs.courier(fixed));

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void stoppingEndsTheCouriersThread() throws Exception {
        courier = courier(Map.of());
        awaitIdle();

        courier.stop();
        courier = null;

        // The executor reports termination a moment before its worker thread has run out.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("roadshow-mail"))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("roadshow-mail"));
    }

    private Courier courier(Map<String, Object> properties) {
        Map<String, Object> configuration = new HashMap<>(Configs.smtp(port));
        configuration.putAll(properties);
        return new Courier(new H2Schema(database), Configs.courier(configuration));
    }

    private OutboxMailer mailer() {
        return new OutboxMailer(new Outbox(database), Clock.systemUTC(), courier);
    }

    /** Lets the round the courier starts with finish, so that a test's mail is not found by it. */
    private static void awaitIdle() throws InterruptedException {
        Thread.sleep(200);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not so within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(25);
        }
    }

    private record H2Schema(DataSource dataSource) implements Schema {
        @Override
        public Database.Product product() {
            return Database.Product.H2;
        }
    }
}
