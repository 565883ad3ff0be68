package roadshow.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.mail.internal.OutboxDatabase.count;
import static roadshow.mail.internal.OutboxDatabase.execute;
import static roadshow.mail.internal.OutboxDatabase.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;

/** The outbox on a real PostgreSQL server, shared by several nodes as in a cluster. */
class PostgreSqlOutboxTest {

    private static EmbeddedPostgres server;
    private static int databases;

    private DataSource database;
    private Outbox outbox;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        String name = "roadshow_" + ++databases;
        execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
        database = OutboxDatabase.migrate(server.getDatabase("postgres", name));
        outbox = new Outbox(database);
    }

    @Test
    void aMailComesOutOfTheOutboxAsItWentIn() throws SQLException {
        Mail mail = new Mail("Zoë <zoe@example.com>", "Grüße ✓", "Text", "<p>Text</p>",
                List.of(new Attachment("invite.ics", "text/calendar; method=REQUEST",
                        "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)),
                        new Attachment("blob.bin", "application/octet-stream", new byte[] { 0, -1, 7, -128 })));

        assertThat(outbox.load(outbox.queue(mail, Clock.systemUTC().instant()))).isEqualTo(mail);
    }

    @Test
    void nodesRacingForTheSameMailsDeliverEachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(outbox.queue(Mail.text("learner" + i + "@example.com", "Mail " + i, "Text"), Clock.systemUTC().instant()));
        }
        RecordingRelay relay = new RecordingRelay(5);
        Settings settings = settings(relay, Map.of());
        Callable<Object> node = () -> new Dispatch(new Outbox(database), Clock.systemUTC()).deliverDue(settings, () -> false);

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            for (Future<Object> round : nodes.invokeAll(Collections.nCopies(4, node))) {
                round.get();
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(relay.attempted).hasSize(40).doesNotHaveDuplicates();
        assertThat(relay.delivered).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(count(database, "SELECT COUNT(*) FROM mail_outbox WHERE state = 'sent' AND attempts = 1")).isEqualTo(40);
    }

    @Test
    void retriesAndGivingUpWorkAsOnH2() throws SQLException {
        StepClock clock = new StepClock();
        String id = outbox.queue(Mail.text("ada@example.com", "Hi", "Text"), clock.instant());
        RecordingRelay relay = new RecordingRelay().failing(new MessagingException("Connection refused"),
                new MessagingException("Connection refused"));
        Settings settings = settings(relay, Map.of("max.attempts", 2, "retry.seconds", 30, "keep.days", 1));
        Dispatch dispatch = new Dispatch(outbox, clock);

        assertThat(dispatch.deliverDue(settings, () -> false)).contains(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        dispatch.deliverDue(settings, () -> false);

        assertThat(row(database, id)).isEqualTo(new OutboxDatabase.Row("failed", 2, "Connection refused"));
        clock.advance(Duration.ofDays(2));
        dispatch.deliverDue(settings, () -> false);
        assertThat(row(database, id)).as("purged").isNull();
    }

    private static Settings settings(Relay relay, Map<String, Object> properties) {
        Settings configured = Settings.of(Configs.courier(properties), Clock.systemUTC());
        return new Settings(relay, configured.maxAttempts(), configured.firstRetry(), configured.poll(),
                configured.lease(), configured.keep());
    }
}
