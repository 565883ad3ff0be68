package roadshow.store.internal;

import java.net.URL;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * The SQL migrations in one folder of a bundle, as Flyway asks for them. They are
 * read with {@link Bundle#getEntryPaths} and {@link Bundle#getEntry}, which need no
 * class loader (a bundle holding only migrations has none to speak of) and, unlike
 * {@link Bundle#findEntries}, see the bundle's own JAR only: a fragment attached to a
 * platform bundle must not add SQL to run with the platform's database login.
 */
final class MigrationScripts implements ResourceProvider {

    private final Map<String, MigrationScript> byRelativePath = new TreeMap<>();

    /**
     * @param scripts the files, keyed by their path below the migrations folder, the
     *        path Flyway records in the schema history
     */
    MigrationScripts(String folder, Map<String, URL> scripts) {
        scripts.forEach((relativePath, url) ->
                byRelativePath.put(relativePath, new MigrationScript(folder, relativePath, url)));
    }

    /** The migrations a bundle's {@code Roadshow-Schema} header points to, in the bundle itself and not its fragments. */
    static MigrationScripts of(Bundle bundle, String header) {
        String folder = folder(header);
        Map<String, URL> scripts = new TreeMap<>();
        addEntries(bundle, folder + "/", folder, scripts);
        return new MigrationScripts(folder, scripts);
    }

    /** Adds the files below a path of the bundle's own, subfolders and all. */
    private static void addEntries(Bundle bundle, String path, String folder, Map<String, URL> scripts) {
        Enumeration<String> entries = bundle.getEntryPaths(path);
        if (entries == null) {
            return;
        }
        for (String entry : Collections.list(entries)) {
            if (entry.endsWith("/")) {
                addEntries(bundle, entry, folder, scripts);
            } else {
                URL url = bundle.getEntry(entry);
                if (url != null) {
                    scripts.put(relativePath(folder, entry), url);
                }
            }
        }
    }

    /**
     * The folder a {@code Roadshow-Schema} header names, without surrounding slashes.
     *
     * @throws IllegalArgumentException if the header names no folder: the bundle root
     *         would make every file in the bundle a candidate migration
     */
    static String folder(String header) {
        String folder = header.trim().replaceAll("^/+|/+$", "");
        if (folder.isEmpty()) {
            throw new IllegalArgumentException("Roadshow-Schema must name a folder of SQL migrations, not \"" + header + "\"");
        }
        return folder;
    }

    /** The path of a bundle entry below the folder, for entry paths as getEntryPaths gives them ("folder/V1__x.sql"). */
    static String relativePath(String folder, String entryPath) {
        String prefix = folder + "/";
        if (!entryPath.startsWith(prefix)) {
            throw new IllegalArgumentException(entryPath + " is not in " + folder);
        }
        return entryPath.substring(prefix.length());
    }

    @Override
    public LoadableResource getResource(String relativePath) {
        return byRelativePath.get(relativePath);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return byRelativePath.values().stream()
                .filter(script -> script.getFilename().startsWith(prefix))
                .filter(script -> Arrays.stream(suffixes).anyMatch(script.getFilename()::endsWith))
                .map(LoadableResource.class::cast)
                .toList();
    }
}
