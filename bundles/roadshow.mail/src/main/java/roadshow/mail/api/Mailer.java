package roadshow.mail.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends mail from Roadshow. A mail is queued in an outbox in the database and delivered
 * over SMTP in the background, tried again with growing pauses while the mail server
 * cannot take it, so that neither a slow nor an absent mail server ever holds up the
 * page that sends the mail.
 */
@ProviderType
public interface Mailer {

    /**
     * Queues a mail for delivery and returns without waiting for the mail server. Once
     * this returns, the mail is in the database: it is delivered even if this node
     * stops before it could be sent, by this node when it is back or by another
     * sharing the database.
     *
     * @return the mail's id in the outbox
     * @throws IllegalArgumentException if the recipient is not one valid mail address,
     *         or an attachment's content type is not a valid MIME type
     * @throws IllegalStateException if the outbox cannot be written, as when the
     *         database cannot be reached
     */
    String send(Mail mail);
}
