package roadshow.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;

/** Messages as they are written to the mail server, read back as a mail program reads them. */
class MimeMailTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from = MimeMail.address("from", "Roadshow <roadshow@roadshow.test>");

    @Test
    void aTextMailIsOnePlainTextPartInUtf8() throws Exception {
        MimeMessage message = written(Mail.text("Zoë Ünal <zoe@example.com>", "Grüße aus Zürich ✓",
                "Hallo Zoë,\nyour course starts Monday.\n"));

        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(message.getSubject()).isEqualTo("Grüße aus Zürich ✓");
        assertThat(message.getHeader("Subject")[0]).as("encoded, as headers are ASCII").startsWith("=?UTF-8?");
        InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("zoe@example.com");
        assertThat(to.getPersonal()).isEqualTo("Zoë Ünal");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("roadshow@roadshow.test");
        assertThat(message.getContent()).isEqualTo("Hallo Zoë,\r\nyour course starts Monday.\r\n");
        assertThat(message.getSentDate()).isEqualTo(Date.from(NOW));
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void theMessageIdComesFromTheOutboxSoEveryAttemptHasTheSame() throws Exception {
        MimeMessage first = written("mail-1", Mail.text("ada@example.com", "Hi", "text"));
        MimeMessage second = written("mail-1", Mail.text("ada@example.com", "Hi", "text"));

        assertThat(first.getMessageID()).isEqualTo("<mail-1@roadshow.test>").isEqualTo(second.getMessageID());
    }

    @Test
    void htmlGoesAfterTheTextAsAnAlternative() throws Exception {
        MimeMessage message = written(new Mail("ada@example.com", "Welcome", "Welcome, Ada!", "<p>Welcome, <b>Ada</b>!</p>", null));

        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart alternatives = (Multipart) message.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("Welcome, Ada!");
        assertThat(alternatives.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(alternatives.getBodyPart(1).getContent()).isEqualTo("<p>Welcome, <b>Ada</b>!</p>");
    }

    @Test
    void attachmentsFollowTheBodyWithTheirNamesTypesAndBytes() throws Exception {
        byte[] invitation = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        MimeMessage message = written(new Mail("ada@example.com", "Your session", "See the invitation.",
                "<p>See the invitation.</p>", List.of(
                        new Attachment("Einladung Zürich.ics", "text/calendar; method=REQUEST; charset=UTF-8", invitation),
                        new Attachment("certificate.pdf", "application/pdf", binary))));

        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        BodyPart calendar = mixed.getBodyPart(1);
        assertThat(calendar.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(calendar.getFileName()).isEqualTo("Einladung Zürich.ics");
        assertThat(calendar.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        assertThat(bytes(calendar)).isEqualTo(invitation);
        BodyPart pdf = mixed.getBodyPart(2);
        assertThat(pdf.getFileName()).isEqualTo("certificate.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(bytes(pdf)).isEqualTo(binary);
    }

    @Test
    void aTextMailWithAnAttachmentHasThePlainTextFirst() throws Exception {
        MimeMessage message = written(new Mail("ada@example.com", "Notes", "Attached.", null,
                List.of(new Attachment("notes.txt", "text/plain; charset=UTF-8", "Ünïcödé".getBytes(StandardCharsets.UTF_8)))));

        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getBodyPart(0).getContent()).isEqualTo("Attached.");
        assertThat(mixed.getBodyPart(1).getContent()).isEqualTo("Ünïcödé");
    }

    @Test
    void malformedAddressesAreRefusedWithTheReason() {
        for (String address : List.of("ada", "ada@", "@example.com", "ada example.com", "ada@@example.com",
                "<ada@example.com", "ada@exa mple.com")) {
            assertThatThrownBy(() -> MimeMail.check(Mail.text(address, "Hi", "text")))
                    .as(address)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("to is not a valid mail address: \"" + address + "\"");
        }
    }

    @Test
    void onlyOneRecipientIsTaken() {
        assertThatThrownBy(() -> MimeMail.check(Mail.text("ada@example.com, eve@example.com", "Hi", "text")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MimeMail.check(Mail.text("everyone: ada@example.com, eve@example.com;", "Hi", "text")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesMayHaveANameAndADomainInAnyLettersButNotALocalPart() {
        assertThat(MimeMail.address("to", "Ada Lovelace <ada@example.com>").getPersonal()).isEqualTo("Ada Lovelace");
        assertThat(MimeMail.address("to", "ada@bücher.example").getAddress()).isEqualTo("ada@xn--bcher-kva.example");
        assertThat(MimeMail.address("to", "ada@localhost").getAddress()).isEqualTo("ada@localhost");
        assertThatThrownBy(() -> MimeMail.address("to", "zoë@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other than ASCII before the @");
    }

    @Test
    void anAttachmentOfNoValidContentTypeIsRefused() {
        assertThatThrownBy(() -> MimeMail.check(new Mail("ada@example.com", "Hi", "text", null,
                List.of(new Attachment("a.ics", "calendar", new byte[0])))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.ics").hasMessageContaining("\"calendar\"");
    }

    private MimeMessage written(Mail mail) throws MessagingException, IOException {
        return written("mail-1", mail);
    }

    /** The message as the mail server receives it: written out and parsed again. */
    private MimeMessage written(String id, Mail mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MimeMail.message(session, from, id, mail, NOW).writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }

    private static byte[] bytes(Part part) throws IOException, MessagingException {
        return part.getInputStream().readAllBytes();
    }
}
