package roadshow.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where a content bundle's manifest and files are read from: an installed bundle or a
 * JAR on disk. Paths are relative to the bundle root, with {@code /} separators and
 * no leading slash, exactly as the bundle names them (so unsafe names reach the
 * reader, which refuses them).
 */
public interface ContentSource {

    /** The main manifest headers, looked up without regard to case. */
    Map<String, String> headers() throws IOException;

    /**
     * Every file of the bundle, folders left out; a JAR may name the same path twice.
     * Listing stops at the first entry that breaks the limits on entries and paths.
     *
     * @throws EntryListing.LimitReached when an entry breaks such a limit
     */
    List<String> files(ContentLimits limits) throws IOException;

    /** Opens a file, or returns {@code null} when the bundle has no such file. */
    Entry open(String path) throws IOException;

    /**
     * An opened file. The sizes are what the bundle declares, used to refuse an entry
     * early; the reader still counts the bytes it actually reads.
     *
     * @param content        the uncompressed bytes; the caller closes it
     * @param size           the declared uncompressed size, or -1 when unknown
     * @param compressedSize the most compressed bytes the entry can consume, or -1 when unknown
     * @param compressedRead the compressed bytes {@code content} has actually consumed so far,
     *                       or {@code null} when the source cannot see them
     */
    record Entry(InputStream content, long size, long compressedSize, LongSupplier compressedRead) {

        /** An entry whose compressed size the source cannot see. */
        Entry(InputStream content, long size) {
            this(content, size, -1, null);
        }
    }
}
