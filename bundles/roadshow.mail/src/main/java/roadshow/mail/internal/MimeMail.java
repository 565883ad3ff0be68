package roadshow.mail.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import jakarta.activation.ActivationDataFlavor;
import jakarta.activation.CommandInfo;
import jakarta.activation.CommandMap;
import jakarta.activation.DataContentHandler;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;

/**
 * A {@link Mail} as the MIME message that goes to the mail server: the text alone
 * ({@code text/plain}), or text and HTML as alternatives ({@code multipart/alternative}),
 * with any attachments after the body ({@code multipart/mixed}); everything in UTF-8.
 * <p>
 * Every part is given its content as bytes with a content type, and every multipart a
 * {@link CommandMap} of its own that knows how to write it. Jakarta Activation would
 * otherwise look for the code that writes text and multiparts (the "data content
 * handlers" Angus Mail lists in its {@code META-INF/mailcap}) through the thread's
 * context class loader, which in OSGi sees neither the file nor the classes, and
 * the message would fail to write with "no object DCH for MIME type multipart/mixed".
 */
final class MimeMail {

    static final String CHARSET = "UTF-8";

    private static final CommandMap MULTIPART_WRITER = new MultipartWriter();

    private MimeMail() {
    }

    /**
     * Checks that a mail can be sent as it is: one valid recipient, attachments of
     * valid content types. This runs on the thread that queues the mail, so it only
     * parses: encoding a name in a header would have Jakarta Mail look for Angus Mail
     * through that thread's context class loader (see {@link Courier}).
     *
     * @throws IllegalArgumentException saying what is wrong if it cannot
     */
    static void check(Mail mail) {
        checkAddress("to", mail.to());
        for (Attachment attachment : mail.attachments()) {
            contentType(attachment);
        }
    }

    /**
     * The message for a mail in the outbox.
     *
     * @param id   the mail's id in the outbox, which becomes its Message-ID, the same on
     *             every attempt, so that a mail delivered twice (its node stopped between
     *             sending it and recording that) can be told for the same mail
     * @param from the sender
     * @throws IllegalArgumentException if the mail cannot be sent as it is (see {@link #check})
     */
    static MimeMessage message(Session session, InternetAddress from, String id, Mail mail, Instant date)
            throws MessagingException {
        MimeMessage message = new OutboxMessage(session, "<" + id + "@" + domain(from) + ">");
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address("to", mail.to()));
        message.setSubject(mail.subject(), CHARSET);
        message.setSentDate(Date.from(date));
        // RFC 3834: written by a program, so out-of-office replies are not sent back to it
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.attachments().isEmpty()) {
            setBody(message, mail);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            setBody(body, mail);
            mixed.addBodyPart(body);
            for (Attachment attachment : mail.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            setMultipart(message, mixed);
        }
        message.saveChanges();
        return message;
    }

    /**
     * A single mail address, with or without a name ({@code Ada <ada@example.com>}),
     * checked as strictly as a mail server will. A domain in other letters than ASCII
     * is written in its ASCII form ({@code bücher.example} as
     * {@code xn--bcher-kva.example}); a name may be in any letters.
     *
     * @param what what the address is, for the message of the exception
     * @throws IllegalArgumentException if it is not one valid address
     */
    static InternetAddress address(String what, String value) {
        InternetAddress parsed = checkAddress(what, value);
        try {
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), CHARSET);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every Java platform has UTF-8", e);
        }
    }

    /**
     * Checks an address as {@link #address} does, without encoding its name: the address
     * parsed, with its domain in ASCII.
     *
     * @throws IllegalArgumentException if it is not one valid address
     */
    static InternetAddress checkAddress(String what, String value) {
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " is not a valid mail address: \"" + value + "\" ("
                    + e.getMessage() + ")", e);
        }
        if (parsed.isGroup()) {
            throw new IllegalArgumentException(what + " must be one mail address, not a group: \"" + value + "\"");
        }
        String address = parsed.getAddress();
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(local)) {
            throw new IllegalArgumentException(what + " is not a mail address Roadshow can send to: \"" + value
                    + "\" has letters other than ASCII before the @");
        }
        try {
            parsed.setAddress(local + "@" + (domain.startsWith("[") ? domain : IDN.toASCII(domain)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " has a domain that is not valid: \"" + value + "\" ("
                    + e.getMessage() + ")", e);
        }
        return parsed;
    }

    private static String domain(InternetAddress address) {
        String value = address.getAddress();
        return value.substring(value.lastIndexOf('@') + 1);
    }

    private static void setBody(Part part, Mail mail) throws MessagingException {
        if (mail.html() == null) {
            setText(part, mail.text(), "plain");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            // the last alternative is the one preferred (RFC 2046)
            alternative.addBodyPart(textPart(mail.text(), "plain"));
            alternative.addBodyPart(textPart(mail.html(), "html"));
            setMultipart(part, alternative);
        }
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        setText(part, text, subtype);
        return part;
    }

    private static void setText(Part part, String text, String subtype) throws MessagingException {
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8),
                "text/" + subtype + "; charset=" + CHARSET)));
    }

    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), contentType(attachment))));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(attachment.fileName());
        return part;
    }

    /** The attachment's content type, as the message will carry it; its own, checked. */
    private static String contentType(Attachment attachment) {
        try {
            return new ContentType(attachment.contentType()).toString();
        } catch (ParseException e) {
            throw new IllegalArgumentException("The content type of attachment " + attachment.fileName()
                    + " is not a valid MIME type: \"" + attachment.contentType() + "\"", e);
        }
    }

    private static void setMultipart(Part part, MimeMultipart multipart) throws MessagingException {
        DataHandler content = new DataHandler(multipart, multipart.getContentType());
        content.setCommandMap(MULTIPART_WRITER);
        part.setDataHandler(content);
        multipart.setParent(part);
    }

    /** A message whose Message-ID is the one given, not one made up at each attempt. */
    private static final class OutboxMessage extends MimeMessage {
        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Writes a multipart, the only content given as an object rather than bytes. */
    private static final class MultipartWriter extends CommandMap implements DataContentHandler {

        @Override
        public DataContentHandler createDataContentHandler(String mimeType) {
            return mimeType.toLowerCase(Locale.ROOT).startsWith("multipart/") ? this : null;
        }

        @Override
        public void writeTo(Object content, String mimeType, OutputStream out) throws IOException {
            if (!(content instanceof Multipart multipart)) {
                throw new IOException("Cannot write " + content.getClass().getName() + " as " + mimeType);
            }
            try {
                multipart.writeTo(out);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public Object getContent(DataSource source) throws IOException {
            throw new IOException("Outgoing mail is written, never read");
        }

        @Override
        public Object getTransferData(ActivationDataFlavor flavor, DataSource source) throws IOException {
            throw new IOException("Outgoing mail is written, never read");
        }

        @Override
        public ActivationDataFlavor[] getTransferDataFlavors() {
            return new ActivationDataFlavor[0];
        }

        @Override
        public CommandInfo[] getPreferredCommands(String mimeType) {
            return new CommandInfo[0];
        }

        @Override
        public CommandInfo[] getAllCommands(String mimeType) {
            return new CommandInfo[0];
        }

        @Override
        public CommandInfo getCommand(String mimeType, String commandName) {
            return null;
        }
    }
}
