package roadshow.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A content bundle (or another bundle of files) built on the fly, so that each test states the bundle it installs.
 */
final class ContentJar {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    private ContentJar(String symbolicName, String version) {
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
    }

    static ContentJar bundle(String symbolicName, String version, String vendor) {
        return new ContentJar(symbolicName, version)
                .header("Roadshow-Vendor", vendor)
                .header("Roadshow-Content", "roadshow/");
    }

    /** A bundle of files without the content headers. */
    static ContentJar plain(String symbolicName, String version) {
        return new ContentJar(symbolicName, version);
    }

    /** A bundle with one course of the given lessons, each lesson a short Markdown file. */
    static ContentJar course(String symbolicName, String version, String vendor, String courseId, String title,
            String... lessonIds) {
        ContentJar jar = bundle(symbolicName, version, vendor);
        StringBuilder yaml = new StringBuilder()
                .append("id: ").append(courseId).append('\n')
                .append("title: ").append(title).append('\n')
                .append("summary: A course built by a test.\n")
                .append("language: en\n")
                .append("duration: PT20M\n")
                .append("level: beginner\n")
                .append("tags: [testing]\n")
                .append("lessons:\n");
        for (int i = 0; i < lessonIds.length; i++) {
            String file = String.format("lessons/%02d-%s.md", i + 1, lessonIds[i]);
            yaml.append("  - id: ").append(lessonIds[i]).append('\n')
                    .append("    title: Lesson ").append(lessonIds[i]).append('\n')
                    .append("    file: ").append(file).append('\n');
            jar.file("roadshow/courses/" + courseId + "/" + file, "# Lesson " + lessonIds[i] + "\n\nText of " + lessonIds[i] + ".\n");
        }
        jar.file("roadshow/courses/" + courseId + "/course.yaml", yaml.toString());
        return jar;
    }

    ContentJar header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ContentJar file(String path, String content) {
        files.put(path, content);
        return this;
    }

    Path writeTo(Path jarFile) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Files.createDirectories(jarFile.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return jarFile;
    }
}
