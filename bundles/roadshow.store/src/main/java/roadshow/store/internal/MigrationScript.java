package roadshow.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.resource.LoadableResource;

/** One SQL migration file in a bundle. Migrations are UTF-8, as Flyway's own default. */
final class MigrationScript extends LoadableResource {

    private final String folder;
    private final String relativePath;
    private final URL url;

    MigrationScript(String folder, String relativePath, URL url) {
        this.folder = folder;
        this.relativePath = relativePath;
        this.url = url;
    }

    @Override
    public Reader read() {
        // Read whole: a script is small, and Flyway need not remember to close a stream.
        try (InputStream in = url.openStream()) {
            return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FlywayException("Unable to read migration " + getAbsolutePath() + " from " + url, e);
        }
    }

    /** The path inside the bundle, which is what a person looks for when a migration fails. */
    @Override
    public String getAbsolutePath() {
        return folder + "/" + relativePath;
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return url.toExternalForm();
    }

    @Override
    public String getFilename() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** The path below the migrations folder, recorded in the schema history. */
    @Override
    public String getRelativePath() {
        return relativePath;
    }
}
