package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Mail in the real framework: the mail bundle, Jakarta Mail and Angus Mail as the
 * launcher carries them, configured by a file in the home's {@code conf/} as an operator
 * would, delivering to a real SMTP server (GreenMail) in this JVM.
 */
class MailIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] INVITATION = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
            + "BEGIN:VEVENT\r\nSUMMARY:OSGi-Grundlagen in Zürich\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path home;

    private static int smtpPort;
    private static Host host;

    @BeforeAll
    static void start() throws Exception {
        smtpPort = FreePort.find();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve("roadshow.mail.cfg"), String.join("\n",
                "host=localhost",
                "port=" + smtpPort,
                "from=Roadshow <roadshow@roadshow.test>",
                "timeout.seconds=5",
                "retry.seconds=1",
                ""));
        host = Host.start(new HostOptions(FreePort.find(), home, "jdbc:h2:mem:mailit", false));
        // The configuration folder applies the file a moment after the start; the courier's
        // service properties show its configuration once it has taken it.
        await(() -> host.bundleContext().getServiceReferences("roadshow.mail.internal.Courier",
                "(port=" + smtpPort + ")") != null);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void aMailWithAnAttachmentReachesTheMailServer() throws Exception {
        try (SmtpServer server = new SmtpServer(smtpPort)) {
            server.start();

            String id = send("Ada Lovelace <ada@example.com>", "Einladung: OSGi-Grundlagen ✓",
                    "Hallo Ada,\nhier ist die Einladung.\n", "<p>Hallo Ada, hier ist die Einladung.</p>",
                    "einladung.ics", "text/calendar; method=REQUEST; charset=UTF-8", INVITATION);

            MimeMessage received = server.awaitMessage(id);
            assertThat(received.getSubject()).isEqualTo("Einladung: OSGi-Grundlagen ✓");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("Ada Lovelace <ada@example.com>");
            assertThat(received.getFrom()[0].toString()).isEqualTo("Roadshow <roadshow@roadshow.test>");
            Multipart mixed = (Multipart) received.getContent();
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Hallo Ada,\r\nhier ist die Einladung.\r\n");
            assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
            Part invitation = mixed.getBodyPart(1);
            assertThat(invitation.getFileName()).isEqualTo("einladung.ics");
            assertThat(invitation.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
            assertThat(invitation.getInputStream().readAllBytes()).isEqualTo(INVITATION);
            await(() -> "sent 1".equals(outboxRow(id)));
        }
    }

    @Test
    void aMailTheServerCouldNotTakeIsDeliveredOnceWhenItIsBack() throws Exception {
        try (SmtpServer server = new SmtpServer(smtpPort)) {
            long sending = System.nanoTime();
            String id = send("ada@example.com", "Reset your password", "Open the link to choose a new password.",
                    null, "notes.txt", "text/plain; charset=UTF-8", "Ünïcödé".getBytes(StandardCharsets.UTF_8));
            assertThat(Duration.ofNanos(System.nanoTime() - sending)).as("queued, not sent, by the caller")
                    .isLessThan(Duration.ofSeconds(2));

            await(() -> outboxRow(id).startsWith("queued ") && outboxError(id).contains("Connection refused"));
            server.start();

            MimeMessage received = server.awaitMessage(id);
            assertThat(received.getSubject()).isEqualTo("Reset your password");
            await(() -> outboxRow(id).startsWith("sent "));
            assertThat(Integer.parseInt(outboxRow(id).substring("sent ".length()))).as("attempts").isGreaterThan(1);
            Thread.sleep(3_000); // longer than the pause before another attempt would be
            assertThat(server.messages(id)).as("delivered exactly once").hasSize(1);
        }
    }

    /**
     * Sends a mail with one attachment through the {@code Mailer} service. Its API lives in
     * the framework, not on this class path (which leaves Roadshow's bundles out), so the
     * mail is built and sent through the API classes of the bundle that registered it.
     */
    private static String send(String to, String subject, String text, String html, String fileName,
            String contentType, byte[] content) throws Exception {
        BundleContext context = host.bundleContext();
        ServiceReference<?> reference = context.getServiceReference("roadshow.mail.api.Mailer");
        assertThat(reference).as("a Mailer service").isNotNull();
        Bundle api = reference.getBundle();
        Class<?> mailer = api.loadClass("roadshow.mail.api.Mailer");
        Class<?> mail = api.loadClass("roadshow.mail.api.Mail");
        Class<?> attachment = api.loadClass("roadshow.mail.api.Attachment");
        Object service = context.getService(reference);
        try {
            Object file = attachment.getConstructor(String.class, String.class, byte[].class)
                    .newInstance(fileName, contentType, content);
            Object message = mail.getConstructor(String.class, String.class, String.class, String.class, List.class)
                    .newInstance(to, subject, text, html, List.of(file));
            return (String) mailer.getMethod("send", mail).invoke(service, message);
        } finally {
            context.ungetService(reference);
        }
    }

    /** The state of a mail in the outbox and the attempts made at it, as "sent 2". */
    private static String outboxRow(String id) throws Exception {
        return outbox(id, "SELECT state || ' ' || attempts FROM mail_outbox WHERE id = ?");
    }

    private static String outboxError(String id) throws Exception {
        String error = outbox(id, "SELECT last_error FROM mail_outbox WHERE id = ?");
        return error == null ? "" : error;
    }

    /** The first column of the outbox's row for the mail, through the mail bundle's own schema. */
    private static String outbox(String id, String sql) throws Exception {
        BundleContext context = host.bundleContext();
        ServiceReference<?>[] references = context.getServiceReferences("roadshow.store.api.Schema",
                "(roadshow.schema=roadshow.mail)");
        assertThat(references).as("the mail bundle's schema").hasSize(1);
        Object schema = context.getService(references[0]);
        try {
            Class<?> api = Arrays.stream(schema.getClass().getInterfaces())
                    .filter(type -> type.getName().equals("roadshow.store.api.Schema")).findFirst().orElseThrow();
            DataSource dataSource = (DataSource) api.getMethod("dataSource").invoke(schema);
            try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(sql)) {
                select.setString(1, id);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1) : "";
                }
            }
        } finally {
            context.ungetService(references[0]);
        }
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not so within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** GreenMail, a real SMTP server in this JVM, started when a test says so. */
    private static final class SmtpServer implements AutoCloseable {

        private final GreenMail greenMail;

        SmtpServer(int port) {
            greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        }

        void start() {
            greenMail.start();
        }

        @Override
        public void close() {
            greenMail.stop();
        }

        /** The message the mail server received for an outbox mail, known by its Message-ID. */
        MimeMessage awaitMessage(String id) throws Exception {
            await(() -> !messages(id).isEmpty());
            return messages(id).get(0);
        }

        List<MimeMessage> messages(String id) throws Exception {
            List<MimeMessage> matching = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                String messageId = message.getMessageID();
                if (messageId != null && messageId.startsWith("<" + id + "@")) {
                    matching.add(message);
                }
            }
            return matching;
        }
    }
}
