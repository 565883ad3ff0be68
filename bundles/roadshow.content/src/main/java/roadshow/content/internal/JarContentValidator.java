package roadshow.content.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import roadshow.content.api.ContentProblem;
import roadshow.content.api.ContentValidator;

/**
 * Validates a content bundle JAR on disk with the rules the extender applies, before
 * anything installs it. It needs no framework: a command-line tool embeds it with
 * {@code new JarContentValidator(ContentLimits.DEFAULTS).validate(jar)}.
 */
@Component(service = ContentValidator.class, configurationPid = ContentLimitsConfiguration.PID)
public final class JarContentValidator implements ContentValidator {

    private volatile ContentReader reader;

    @Activate
    public JarContentValidator(ContentLimitsConfiguration config) {
        this(ContentLimits.of(config));
    }

    /**
     * New limits apply from the next JAR on; the service stays, so that a validation running
     * in a user of it (the deploy folder, say) is not cut off by a restart of this component.
     */
    @Modified
    void configure(ContentLimitsConfiguration config) {
        reader = new ContentReader(ContentLimits.of(config));
    }

    public JarContentValidator(ContentLimits limits) {
        this(new ContentReader(limits));
    }

    JarContentValidator(ContentReader reader) {
        this.reader = reader;
    }

    @Override
    public List<ContentProblem> validate(Path jar) throws IOException {
        try (JarContentSource source = JarContentSource.open(jar)) {
            return reader.read(source).problems();
        } catch (ZipException e) {
            return List.of(new ContentProblem(null, null, Rule.JAR_INVALID.id(), "the file is not a readable JAR: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // whatever a hostile JAR provokes, the caller gets a refusal, not an exception
            return ContentReader.failed(e).problems();
        }
    }
}
