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

    private static final int CENTRAL_DIRECTORY_HEADER = 0x02014b50;

    private static boolean matches(byte[] bytes, int at, byte[] search) {
        for (int j = 0; j < search.length; j++) {
            if (bytes[at + j] != search[j]) {
                return false;
            }
        }
        return true;
    }
}
