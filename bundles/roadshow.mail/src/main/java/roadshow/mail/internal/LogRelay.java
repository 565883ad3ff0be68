package roadshow.mail.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;

/**
 * No mail server: each mail is written to the log in full, so that on a developer's
 * machine the link in a password reset mail can be read from the console.
 */
final class LogRelay implements Relay {

    private static final Logger LOG = LoggerFactory.getLogger(LogRelay.class);

    @Override
    public Outcome deliver(String id, Mail mail) {
        LOG.info("Mail {} not sent, as no mail server is configured (host in roadshow.mail); it reads:\n{}", id, text(mail));
        return Outcome.LOGGED;
    }

    /** The mail as a person reads it: headers, plain text, and what else it carries. */
    static String text(Mail mail) {
        StringBuilder text = new StringBuilder()
                .append("To: ").append(mail.to()).append('\n')
                .append("Subject: ").append(mail.subject()).append("\n\n")
                .append(mail.text());
        if (!mail.text().endsWith("\n")) {
            text.append('\n');
        }
        if (mail.html() != null) {
            text.append("[and the same as HTML, ").append(mail.html().length()).append(" characters]\n");
        }
        for (Attachment attachment : mail.attachments()) {
            text.append("[attached: ").append(attachment.fileName()).append(", ").append(attachment.contentType())
                    .append(", ").append(attachment.size()).append(" bytes]\n");
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "the log";
    }
}
