package roadshow.mail.internal;

import jakarta.mail.MessagingException;

import roadshow.mail.api.Mail;

/** Where the courier hands mails on to: the mail server, or the log when there is none. */
interface Relay {

    /** How a mail that a relay took ended. */
    enum Outcome {
        /** The mail server took the mail. */
        SENT,
        /** No mail server is configured: the mail went to the log. */
        LOGGED
    }

    /**
     * Hands on one mail.
     *
     * @param id the mail's id in the outbox
     * @throws MessagingException if the mail server did not take the mail; worth trying
     *         again later unless it refused the recipient
     * @throws IllegalArgumentException if the mail can never be sent as it is
     */
    Outcome deliver(String id, Mail mail) throws MessagingException;
}
