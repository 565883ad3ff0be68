package roadshow.content.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Where the data of each entry of a ZIP file lies, read from its central directory the
 * way {@link java.util.zip.ZipFile} (and with it the framework) finds an entry's data:
 * the central directory names the local header, which the data follows.
 *
 * <p>It exists to count what an entry really consumes of the file. What the central
 * directory declares is only trusted as an upper bound, and is cut at the next header,
 * so that an entry can neither claim the bytes of the entries after it nor dilute its
 * compression ratio with a compressed size it does not use.
 */
final class CentralDirectory {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int CENTRAL_HEADER_SIZE = 46;
    private static final int LOCAL_HEADER_SIZE = 30;
    private static final long UNSIGNED_INT = 0xFFFFFFFFL;

    /**
     * Where one entry's data lies.
     *
     * @param method          the compression method, {@code 0} stored or {@code 8} deflated
     * @param flags           the general purpose flags
     * @param compressedSize  the compressed size the central directory declares
     * @param size            the uncompressed size it declares
     * @param localHeader     the position of the entry's local header in the file
     * @param next            the position of the next local header or of the central directory,
     *                        past which the entry's data cannot reach
     * @param shared          whether another entry names the same local header
     */
    record Location(int method, int flags, long compressedSize, long size, long localHeader, long next, boolean shared) {
    }

    private final FileChannel file;
    private final Map<String, Location> entries;

    private CentralDirectory(FileChannel file, Map<String, Location> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads the central directory of a ZIP file. */
    static CentralDirectory read(FileChannel file) throws IOException {
        long length = file.size();
        End end = end(file, length);
        ByteBuffer directory = read(file, end.directory(), Math.toIntExact(end.directorySize()));
        record Listed(String name, int method, int flags, long compressedSize, long size, long localHeader) {
        }
        List<Listed> listed = new ArrayList<>();
        int at = 0;
        while (at + CENTRAL_HEADER_SIZE <= directory.limit() && directory.getInt(at) == CENTRAL_HEADER) {
            int flags = Short.toUnsignedInt(directory.getShort(at + 8));
            int method = Short.toUnsignedInt(directory.getShort(at + 10));
            long compressedSize = Integer.toUnsignedLong(directory.getInt(at + 20));
            long size = Integer.toUnsignedLong(directory.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            long localHeader = Integer.toUnsignedLong(directory.getInt(at + 42));
            int next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
            if (next > directory.limit()) {
                throw new ZipException("the central directory is truncated");
            }
            byte[] name = new byte[nameLength];
            directory.get(at + CENTRAL_HEADER_SIZE, name);
            // ZIP64: the 32-bit fields that overflowed are in the extra field, in this order
            int extra = at + CENTRAL_HEADER_SIZE + nameLength;
            for (int field = extra; field + 4 <= extra + extraLength;) {
                int id = Short.toUnsignedInt(directory.getShort(field));
                int fieldLength = Short.toUnsignedInt(directory.getShort(field + 2));
                if (id == 1) {
                    int value = field + 4;
                    int valuesEnd = Math.min(value + fieldLength, extra + extraLength);
                    if (size == UNSIGNED_INT && value + 8 <= valuesEnd) {
                        size = directory.getLong(value);
                        value += 8;
                    }
                    if (compressedSize == UNSIGNED_INT && value + 8 <= valuesEnd) {
                        compressedSize = directory.getLong(value);
                        value += 8;
                    }
                    if (localHeader == UNSIGNED_INT && value + 8 <= valuesEnd) {
                        localHeader = directory.getLong(value);
                    }
                    break;
                }
                field += 4 + fieldLength;
            }
            listed.add(new Listed(new String(name, StandardCharsets.UTF_8), method, flags, compressedSize, size,
                    end.archiveStart() + localHeader));
            at = next;
        }
        List<Listed> byPosition = new ArrayList<>(listed);
        byPosition.sort(Comparator.comparingLong(Listed::localHeader));
        Map<Long, Long> nextHeader = new HashMap<>();
        Map<Long, Integer> users = new HashMap<>();
        long following = end.directory();
        for (int i = byPosition.size() - 1; i >= 0; i--) {
            long position = byPosition.get(i).localHeader();
            if (i + 1 < byPosition.size() && byPosition.get(i + 1).localHeader() > position) {
                following = byPosition.get(i + 1).localHeader();
            }
            nextHeader.put(position, Math.min(following, end.directory()));
            users.merge(position, 1, Integer::sum);
        }
        Map<String, Location> entries = new HashMap<>();
        for (Listed entry : listed) {
            entries.putIfAbsent(entry.name(), new Location(entry.method(), entry.flags(), entry.compressedSize(),
                    entry.size(), entry.localHeader(), nextHeader.get(entry.localHeader()), users.get(entry.localHeader()) > 1));
        }
        return new CentralDirectory(file, entries);
    }

    /** Where an entry's data lies, or {@code null} when the central directory does not name it. */
    Location location(String name) {
        return entries.get(name);
    }

    /** The position of the first byte of an entry's data, just after its local header. */
    long dataStart(Location location) throws IOException {
        if (location.localHeader() < 0 || location.localHeader() + LOCAL_HEADER_SIZE > location.next()) {
            throw new ZipException("its local header lies outside the archive");
        }
        ByteBuffer header = read(file, location.localHeader(), LOCAL_HEADER_SIZE);
        if (header.getInt(0) != LOCAL_HEADER) {
            throw new ZipException("its local header is invalid");
        }
        return location.localHeader() + LOCAL_HEADER_SIZE + Short.toUnsignedInt(header.getShort(26))
                + Short.toUnsignedInt(header.getShort(28));
    }

    /**
     * The end of central directory record, as {@code ZipFile} finds it: the last one in
     * the file whose central directory lies before it, taking the ZIP64 record instead
     * where there is one.
     *
     * @param directory     the position of the central directory
     * @param directorySize its size
     * @param archiveStart  where the archive starts in the file, past any bytes prepended to it;
     *                      the offsets of local headers count from here
     */
    private record End(long directory, long directorySize, long archiveStart) {
    }

    private static End end(FileChannel file, long length) throws IOException {
        if (length < END_SIZE) {
            throw new ZipException("the file is too short to be a ZIP archive");
        }
        int tailLength = (int) Math.min(length, END_SIZE + 0xFFFF + ZIP64_LOCATOR_SIZE);
        long tailStart = length - tailLength;
        ByteBuffer tail = read(file, tailStart, tailLength);
        for (int at = tailLength - END_SIZE; at >= 0; at--) {
            if (tail.getInt(at) != END) {
                continue;
            }
            long endPosition = tailStart + at;
            long directorySize = Integer.toUnsignedLong(tail.getInt(at + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(at + 16));
            if (at >= ZIP64_LOCATOR_SIZE && tail.getInt(at - ZIP64_LOCATOR_SIZE) == ZIP64_LOCATOR) {
                long zip64End = tail.getLong(at - ZIP64_LOCATOR_SIZE + 8);
                if (zip64End >= 0 && zip64End + 56 <= endPosition && read(file, zip64End, 4).getInt(0) == ZIP64_END) {
                    ByteBuffer record = read(file, zip64End, 56);
                    directorySize = record.getLong(40);
                    directoryOffset = record.getLong(48);
                    endPosition = zip64End;
                }
            }
            long directory = endPosition - directorySize;
            long archiveStart = directory - directoryOffset;
            if (directorySize >= 0 && directory >= 0 && archiveStart >= 0 && directorySize <= Integer.MAX_VALUE) {
                return new End(directory, directorySize, archiveStart);
            }
        }
        throw new ZipException("the end of the central directory is missing or invalid");
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the archive ends early");
            }
        }
        return buffer.flip();
    }
}
