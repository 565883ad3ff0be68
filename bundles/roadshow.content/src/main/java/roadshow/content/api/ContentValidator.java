package roadshow.content.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Validates a content bundle JAR before it is installed, with the same rules the
 * extender applies to installed bundles, so that a bad upload or a bad file dropped
 * into {@code deploy/} never replaces a good version.
 */
@ProviderType
public interface ContentValidator {

    /**
     * Every problem found in the JAR; empty when it is a valid content bundle.
     * A JAR without a {@code Roadshow-Content} header is reported as such.
     */
    List<ContentProblem> validate(Path jar) throws IOException;
}
