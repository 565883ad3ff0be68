package roadshow.content.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a content bundle from a JAR on disk, before it is installed. This is where the
 * compression-ratio rule is enforced: an installed bundle does not show compressed
 * sizes, so the extender cannot apply it. The ways into Roadshow (the deploy folder,
 * publishing) validate a JAR with this source before they install it.
 *
 * <p>A hostile JAR can declare any size, the compressed size included: a bomb that
 * declares a compressed size far larger than the bytes it uses dilutes its ratio. So the
 * entries are not read through {@link ZipFile}, which trusts that size, but inflated here
 * from the raw file, where the data the {@link CentralDirectory} points to starts, never
 * past the next header; each {@link ContentSource.Entry} reports the compressed bytes its
 * inflater has actually consumed, and the reader counts the uncompressed bytes.
 */
public final class JarContentSource implements ContentSource, Closeable {

    /** A manifest is a few kilobytes; this only stops a manifest that is really a bomb. */
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    private static final int ENCRYPTED = 1;

    private final ZipFile zip;
    private final FileChannel file;
    private CentralDirectory directory;

    private JarContentSource(ZipFile zip, FileChannel file) {
        this.zip = zip;
        this.file = file;
    }

    /** Opens the JAR; a file that is not a ZIP archive fails with a {@link java.util.zip.ZipException}. */
    public static JarContentSource open(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        try {
            return new JarContentSource(zip, FileChannel.open(jar, StandardOpenOption.READ));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    @Override
    public Map<String, String> headers() throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
        if (entry == null) {
            return headers;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new IOException("the manifest is larger than " + ContentLimits.describe(MAX_MANIFEST_BYTES));
        }
        Manifest manifest = new Manifest(new ByteArrayInputStream(bytes));
        for (Map.Entry<Object, Object> header : manifest.getMainAttributes().entrySet()) {
            headers.put(((Attributes.Name) header.getKey()).toString(), (String) header.getValue());
        }
        return headers;
    }

    @Override
    public List<String> files(ContentLimits limits) throws IOException {
        EntryListing listing = new EntryListing(limits);
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
            listing.add(entries.nextElement().getName());
        }
        return listing.files();
    }

    @Override
    public Entry open(String path) throws IOException {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        CentralDirectory.Location location = directory().location(path);
        if (location == null) {
            throw new ZipException("the central directory does not name it where expected");
        }
        if (location.shared()) {
            throw new ZipException("another entry points to the same data; the JAR is corrupt");
        }
        if (location.compressedSize() < 0 || location.size() < 0) {
            throw new ZipException("it declares a size no entry can have");
        }
        if ((location.flags() & ENCRYPTED) != 0) {
            throw new ZipException("it is encrypted");
        }
        long start = directory.dataStart(location);
        // the most the entry's data can take up: what it declares, but never past the next header
        long room = Math.max(0, location.next() - start);
        long compressed = Math.min(location.compressedSize(), room);
        switch (location.method()) {
            case ZipEntry.STORED -> {
                if (location.compressedSize() != location.size() || location.compressedSize() > room) {
                    throw new ZipException("it is stored uncompressed but declares sizes its data does not have");
                }
                RawData raw = new RawData(file, start, compressed);
                return new Entry(raw, location.size(), compressed, raw::consumed);
            }
            case ZipEntry.DEFLATED -> {
                Inflation inflation = new Inflation(new RawData(file, start, compressed));
                return new Entry(inflation, location.size(), compressed, inflation::consumed);
            }
            default -> throw new ZipException("it uses compression method " + location.method()
                    + "; a JAR entry is stored or deflated");
        }
    }

    private CentralDirectory directory() throws IOException {
        // read only once the listing is known to be within the limits
        if (directory == null) {
            directory = CentralDirectory.read(file);
        }
        return directory;
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            file.close();
        }
    }

    /** An entry's raw bytes in the file, counted as they are consumed. */
    private static final class RawData extends InputStream {

        private final FileChannel file;
        private final long end;
        private long position;
        private final long start;

        RawData(FileChannel file, long start, long length) {
            this.file = file;
            this.start = start;
            this.position = start;
            this.end = start + length;
        }

        long consumed() {
            return position - start;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(length, end - position);
            int read = file.read(ByteBuffer.wrap(bytes, offset, wanted), position);
            if (read < 0) {
                throw new ZipException("the archive ends inside the entry's data");
            }
            position += read;
            return read;
        }
    }

    /** An entry's inflated bytes; {@link #consumed} is what the inflater has really used of the raw data. */
    private static final class Inflation extends InflaterInputStream {

        private boolean dummyGiven;
        private boolean closed;
        private long consumedWhenClosed;

        Inflation(RawData raw) {
            super(raw, new Inflater(true), 8192);
        }

        long consumed() {
            return closed ? consumedWhenClosed : inf.getBytesRead();
        }

        @Override
        protected void fill() throws IOException {
            int read = in.read(buf, 0, buf.length);
            if (read < 0) {
                if (dummyGiven) {
                    throw new ZipException("the entry's compressed data ends early");
                }
                // as ZipFile does: an inflater without zlib header may need one byte past the data to finish
                dummyGiven = true;
                buf[0] = 0;
                read = 1;
            }
            len = read;
            inf.setInput(buf, 0, read);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                consumedWhenClosed = inf.getBytesRead();
                closed = true;
                // an Inflater passed in is not ended by InflaterInputStream; its native memory is freed here
                inf.end();
                super.close();
            }
        }
    }
}
