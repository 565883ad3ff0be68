package roadshow.mail.api;

import java.util.List;
import java.util.Objects;

/**
 * A mail to one person: a subject, a plain-text body, optionally an HTML version of
 * the same body, and attachments. The plain text is always there, for the mail
 * programs and people that read no HTML.
 *
 * @param to          the recipient: an address such as {@code ada@example.com}, or
 *                    one with a name, such as {@code Ada Lovelace <ada@example.com>}
 * @param subject     the subject, one line of at most {@value #MAX_SUBJECT_LENGTH} characters
 * @param text        the body as plain text
 * @param html        the body as HTML, shown instead of the text by mail programs that
 *                    can; {@code null} for a plain-text mail
 * @param attachments the files attached, in order; {@code null} for none
 * @throws IllegalArgumentException if {@code to} or {@code subject} holds a line break
 *         or another control character (which could smuggle headers into the mail),
 *         or is longer than allowed
 * @throws NullPointerException     if {@code to}, {@code subject} or {@code text} is
 *                                  {@code null}, or an attachment is
 */
public record Mail(String to, String subject, String text, String html, List<Attachment> attachments) {

    /** The longest subject, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 998;

    /** The longest recipient, with its name, in characters. */
    public static final int MAX_TO_LENGTH = 320;

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        requireOneLine("to", to, MAX_TO_LENGTH);
        requireOneLine("subject", subject, MAX_SUBJECT_LENGTH);
        if (to.isBlank()) {
            throw new IllegalArgumentException("to must name a recipient");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain-text mail without attachments. */
    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, null, List.of());
    }

    /** Checks that a value for a mail header is one line of at most {@code maxLength} characters. */
    static void requireOneLine(String name, String value, int maxLength) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(name + " must be one line, but holds a line break (CR or LF),"
                        + " which would let it add headers to the mail");
            }
            if (Character.isISOControl(c) && c != '\t') {
                throw new IllegalArgumentException(name + " holds the control character U+"
                        + String.format("%04X", (int) c));
            }
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is " + value.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
    }
}
