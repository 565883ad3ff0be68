package roadshow.store.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * A bundle with a schema, built in a test so that each test states the bundle it
 * installs. Its JAR has no folder entries, as many zip tools write them.
 */
final class SchemaBundle {

    static final String FOLDER = "db/migration/";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    /** A bundle whose {@code Roadshow-Schema} header names {@value #FOLDER}, with no migrations yet. */
    static SchemaBundle named(String symbolicName) {
        return new SchemaBundle()
                .header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", "1.0.0")
                .header("Roadshow-Schema", FOLDER);
    }

    /** A fragment attaching to the named host, with no schema of its own. */
    static SchemaBundle fragmentOf(String host) {
        return new SchemaBundle()
                .header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", host + ".fragment")
                .header("Bundle-Version", "1.0.0")
                .header("Fragment-Host", host);
    }

    /** Sets a header, or removes it when the value is {@code null}. */
    SchemaBundle header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** A file below the migrations folder. */
    SchemaBundle migration(String relativePath, String sql) {
        files.put(FOLDER + relativePath, sql);
        return this;
    }

    byte[] jar() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                jar.putNextEntry(new ZipEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
