package roadshow.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Where a content bundle's manifest and files are read from: an installed bundle or a
 * JAR on disk. Paths are relative to the bundle root, with {@code /} separators and
 * no leading slash, exactly as the bundle names them (so unsafe names reach the
 * reader, which refuses them).
 */
public interface ContentSource {

    /** The main manifest headers, looked up without regard to case. */
    Map<String, String> headers() throws IOException;

    /** Every file of the bundle, folders left out; a JAR may name the same path twice. */
    List<String> files() throws IOException;

    /** Opens a file, or returns {@code null} when the bundle has no such file. */
    Entry open(String path) throws IOException;

    /**
     * An opened file. The sizes are what the bundle declares, used to refuse an entry
     * early; the reader still counts the bytes it actually reads.
     *
     * @param content        the uncompressed bytes; the caller closes it
     * @param size           the declared uncompressed size, or -1 when unknown
     * @param compressedSize the declared compressed size, or -1 when unknown
     */
    record Entry(InputStream content, long size, long compressedSize) {
    }
}
