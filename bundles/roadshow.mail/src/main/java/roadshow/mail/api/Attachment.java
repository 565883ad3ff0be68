package roadshow.mail.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a {@link Mail}, such as a calendar invitation
 * ({@code invite.ics}, {@code text/calendar; method=REQUEST; charset=UTF-8}) or a
 * certificate as PDF. The content is copied in and out, so an attachment never changes.
 *
 * @param fileName    the name the recipient sees, without folders
 * @param contentType the MIME type, with parameters where it needs them
 *                    ({@code text/calendar; method=REQUEST; charset=UTF-8})
 * @param content     the file's bytes
 * @throws IllegalArgumentException if the file name or content type is blank, or
 *         holds a line break or another control character
 * @throws NullPointerException     if any of them is {@code null}
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    /** The longest file name or content type, in characters. */
    public static final int MAX_NAME_LENGTH = 255;

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || contentType.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name and a content type");
        }
        Mail.requireOneLine("fileName", fileName, MAX_NAME_LENGTH);
        Mail.requireOneLine("contentType", contentType, MAX_NAME_LENGTH);
        content = content.clone();
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The size of the file in bytes, without copying it. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
