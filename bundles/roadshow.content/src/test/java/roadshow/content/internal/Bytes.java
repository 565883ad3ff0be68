package roadshow.content.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Byte surgery on JARs, to build the hostile ones no zip tool writes. */
final class Bytes {

    private Bytes() {
    }

    /** Replaces every occurrence of {@code from} by {@code to}, which has the same length. */
    static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] search = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        if (search.length != replacement.length) {
            throw new IllegalArgumentException("a replacement must keep the length");
        }
        byte[] patched = bytes.clone();
        int found = 0;
        for (int i = 0; i + search.length <= patched.length; i++) {
            if (matches(patched, i, search)) {
                System.arraycopy(replacement, 0, patched, i, replacement.length);
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException(from + " not found");
        }
        return patched;
    }

    /**
     * Makes the JAR's central directory declare another uncompressed size for an entry,
     * as a hostile JAR does to slip a large entry past a size check.
     */
    static byte[] declareSize(byte[] jar, String name, int size) {
        byte[] patched = jar.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= patched.length; i++) {
            if (buffer.getInt(i) == CENTRAL_DIRECTORY_HEADER) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(i + 28));
                if (nameLength == wanted.length && matches(patched, i + 46, wanted)) {
                    buffer.putInt(i + 24, size);
                    return patched;
                }
            }
        }
        throw new IllegalArgumentException(name + " not in the central directory");
    }

    /**
     * Makes the JAR's central directory declare another compressed size for an entry, as
     * a compression bomb does to look less compressed than it is.
     */
    static byte[] declareCompressedSize(byte[] jar, String name, int size) {
        byte[] patched = jar.clone();
        ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN).putInt(centralHeader(patched, name) + 20, size);
        return patched;
    }

    /**
     * Makes an entry's central directory header point to another entry's local header,
     * so that both entries read the same data.
     */
    static byte[] pointToDataOf(byte[] jar, String name, String other) {
        byte[] patched = jar.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(centralHeader(patched, name) + 42, buffer.getInt(centralHeader(patched, other) + 42));
        return patched;
    }

    /**
     * Puts {@code padding} bytes of garbage between the last entry's data and the central
     * directory, and makes that entry declare them as part of its compressed data: the
     * JAR stays consistent, but the entry declares far more compressed bytes than its
     * inflater uses.
     */
    static byte[] padCompressedData(byte[] jar, String name, int padding) {
        ByteBuffer original = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        int end = jar.length - 22;
        if (original.getInt(end) != END_OF_CENTRAL_DIRECTORY) {
            throw new IllegalArgumentException("the JAR has a comment");
        }
        int directory = original.getInt(end + 16);
        byte[] padded = new byte[jar.length + padding];
        System.arraycopy(jar, 0, padded, 0, directory);
        java.util.Arrays.fill(padded, directory, directory + padding, (byte) 0x5A);
        System.arraycopy(jar, directory, padded, directory + padding, jar.length - directory);
        ByteBuffer buffer = ByteBuffer.wrap(padded).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(padded.length - 22 + 16, directory + padding);
        int header = centralHeader(padded, name);
        buffer.putInt(header + 20, buffer.getInt(header + 20) + padding);
        return padded;
    }

    private static int centralHeader(byte[] jar, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= jar.length; i++) {
            if (buffer.getInt(i) == CENTRAL_DIRECTORY_HEADER) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(i + 28));
                if (nameLength == wanted.length && matches(jar, i + 46, wanted)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(name + " not in the central directory");
    }

    private static final int CENTRAL_DIRECTORY_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;

    private static boolean matches(byte[] bytes, int at, byte[] search) {
        for (int j = 0; j < search.length; j++) {
            if (bytes[at + j] != search[j]) {
                return false;
            }
        }
        return true;
    }
}
