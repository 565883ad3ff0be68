package roadshow.mail.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MailTest {

    @Test
    void aTextMailHasNoHtmlAndNoAttachments() {
        Mail mail = Mail.text("ada@example.com", "Welcome", "Hello Ada");

        assertThat(mail.html()).isNull();
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void aSubjectWithALineBreakIsRefusedAsItWouldAddHeaders() {
        for (String subject : List.of("Hello\r\nBcc: everyone@example.com", "Hello\nBcc: x@example.com", "Hello\r")) {
            assertThatThrownBy(() -> Mail.text("ada@example.com", subject, "text"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("subject must be one line");
        }
    }

    @Test
    void aRecipientWithALineBreakIsRefused() {
        assertThatThrownBy(() -> Mail.text("ada@example.com\r\nBcc: x@example.com", "Hi", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("to must be one line");
    }

    @Test
    void otherControlCharactersAreRefusedButTabsAreFine() {
        assertThatThrownBy(() -> Mail.text("ada@example.com", "Hi\u0000", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
        assertThat(Mail.text("ada@example.com", "Hi\tthere", "text").subject()).isEqualTo("Hi\tthere");
    }

    @Test
    void anOverlongSubjectIsRefused() {
        assertThatThrownBy(() -> Mail.text("ada@example.com", "x".repeat(Mail.MAX_SUBJECT_LENGTH + 1), "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 998");
    }

    @Test
    void aMailNeedsARecipientSubjectAndText() {
        assertThatThrownBy(() -> Mail.text(" ", "Hi", "text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mail.text(null, "Hi", "text")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Mail.text("ada@example.com", "Hi", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theAttachmentsCannotBeChangedFromOutside() {
        List<Attachment> attachments = new ArrayList<>(List.of(new Attachment("a.txt", "text/plain", new byte[] { 1 })));
        Mail mail = new Mail("ada@example.com", "Hi", "text", null, attachments);

        attachments.clear();

        assertThat(mail.attachments()).hasSize(1);
        assertThatThrownBy(() -> mail.attachments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anAttachmentKeepsItsOwnCopyOfTheContent() {
        byte[] content = { 1, 2, 3 };
        Attachment attachment = new Attachment("a.bin", "application/octet-stream", content);

        content[0] = 9;
        attachment.content()[1] = 9;

        assertThat(attachment.content()).containsExactly(1, 2, 3);
        assertThat(attachment).isEqualTo(new Attachment("a.bin", "application/octet-stream", new byte[] { 1, 2, 3 }));
        assertThat(attachment.size()).isEqualTo(3);
    }

    @Test
    void anAttachmentNameWithALineBreakIsRefused() {
        assertThatThrownBy(() -> new Attachment("a.txt\r\nContent-Type: text/html", "text/plain", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fileName must be one line");
        assertThatThrownBy(() -> new Attachment("", "text/plain", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
