package roadshow.content.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a content bundle from a JAR on disk, before it is installed. Each entry comes
 * with the sizes the JAR's central directory declares, compressed size included, so
 * the reader can apply the compression-ratio rule; the bytes themselves are counted
 * by the reader as they are inflated, since a hostile JAR can declare any size.
 */
public final class JarContentSource implements ContentSource, Closeable {

    /** A manifest is a few kilobytes; this only stops a manifest that is really a bomb. */
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final ZipFile zip;

    private JarContentSource(ZipFile zip) {
        this.zip = zip;
    }

    /** Opens the JAR; a file that is not a ZIP archive fails with a {@link java.util.zip.ZipException}. */
    public static JarContentSource open(Path jar) throws IOException {
        return new JarContentSource(new ZipFile(jar.toFile()));
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
    public List<String> files() {
        List<String> files = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.isDirectory()) {
                files.add(entry.getName());
            }
        }
        return files;
    }

    @Override
    public Entry open(String path) throws IOException {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        return new Entry(zip.getInputStream(entry), entry.getSize(), entry.getCompressedSize());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
