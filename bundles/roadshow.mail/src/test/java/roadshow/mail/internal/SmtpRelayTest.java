package roadshow.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;

/** The relay against a real SMTP server, GreenMail, in this process. */
class SmtpRelayTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("roadshow", "secret"));

    @Test
    void theServerReceivesTheMailAsBuilt() throws Exception {
        Relay relay = relay(Map.of());

        relay.deliver("mail-1", new Mail("Ada <ada@example.com>", "Willkommen, Ada ✓", "Hallo Ada", "<p>Hallo Ada</p>",
                List.of(new Attachment("invite.ics", "text/calendar; method=REQUEST; charset=UTF-8", "BEGIN:VCALENDAR".getBytes()))));

        assertThat(SERVER.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = SERVER.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Willkommen, Ada ✓");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("Ada <ada@example.com>");
        assertThat(received.getMessageID()).isEqualTo("<mail-1@roadshow.test>");
        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
        assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo("BEGIN:VCALENDAR".getBytes());
    }

    @Test
    void aUserNameLogsIn() throws Exception {
        relay(Map.of("username", "roadshow", ".password", "secret")).deliver("mail-2", Mail.text("ada@example.com", "Hi", "text"));

        assertThat(SERVER.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void aWrongPasswordFails() {
        assertThatThrownBy(() -> relay(Map.of("username", "roadshow", ".password", "wrong"))
                .deliver("mail-3", Mail.text("ada@example.com", "Hi", "text")))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aServerThatIsNotThereFailsWithinTheTimeout() {
        Relay relay = Settings.of(Configs.courier(Configs.smtp(FreePort.find())), Clock.systemUTC()).relay();
        long start = System.nanoTime();

        assertThatThrownBy(() -> relay.deliver("mail-4", Mail.text("ada@example.com", "Hi", "text")))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(Dispatch.describe(e)).contains("Connection refused"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static Relay relay(Map<String, Object> properties) {
        Map<String, Object> configuration = new HashMap<>(Configs.smtp(SERVER.getSmtp().getPort()));
        configuration.putAll(properties);
        return Settings.of(Configs.courier(configuration), Clock.systemUTC()).relay();
    }
}
