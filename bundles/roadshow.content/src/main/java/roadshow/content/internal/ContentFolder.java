package roadshow.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The content folder of one bundle as the readers of its files see it: each YAML or
 * Markdown file read into memory under the document limit.
 * Paths given to it are relative to the content folder; problems name files relative
 * to the bundle root, as the vendor finds them in the JAR.
 */
final class ContentFolder {

    private final ContentSource source;
    private final String folder;
    private final EntryScan scan;
    private final ContentLimits limits;
    private final YamlTree yaml;
    private final Problems problems;

    /**
     * @param folder the content folder relative to the bundle root, ending in {@code /}
     * @param scan   which files broke a size limit, and are not to be read again
     */
    ContentFolder(ContentSource source, String folder, EntryScan scan, ContentLimits limits, YamlTree yaml,
            Problems problems) {
        this.source = source;
        this.folder = folder;
        this.scan = scan;
        this.limits = limits;
        this.yaml = yaml;
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** A content path as the bundle names it, for problems. */
    String bundlePath(String path) {
        return folder + path;
    }

    /** A YAML file's root node, or {@code null} when it cannot be read (reported). */
    YamlNode yaml(String path) {
        byte[] bytes = read(path);
        return bytes == null ? null : yaml.read(bytes, bundlePath(path), problems);
    }

    /** Checks that a lesson is UTF-8 text, as CommonMark requires; reports it when not. */
    void checkLesson(String path) {
        byte[] bytes = read(path);
        if (bytes == null) {
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            problems.add(bundlePath(path), null, Rule.LESSON_ENCODING,
                    "the lesson is not UTF-8 text; save it as UTF-8");
        }
    }

    private byte[] read(String path) {
        String file = bundlePath(path);
        if (scan.refused(file)) {
            return null;
        }
        int max = limits.maxDocumentBytes();
        try {
            ContentSource.Entry entry = source.open(file);
            if (entry == null) {
                problems.add(file, null, Rule.ENTRY_UNREADABLE, "is listed by the bundle but cannot be opened");
                return null;
            }
            byte[] bytes;
            try (InputStream in = entry.content()) {
                bytes = entry.size() > max ? null : in.readNBytes(max + 1);
            }
            if (bytes == null || bytes.length > max) {
                problems.add(file, null, Rule.DOCUMENT_TOO_LARGE, "is larger than " + ContentLimits.describe(max)
                        + ", the most a YAML or Markdown file may hold; split it up");
                return null;
            }
            return bytes;
        } catch (IOException e) {
            problems.add(file, null, Rule.ENTRY_UNREADABLE, "cannot be read: " + e.getMessage());
            return null;
        }
    }
}
