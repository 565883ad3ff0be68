package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import roadshow.content.api.ContentProblem;

/** Reads test bundles the way the validator does: written to a JAR on disk, read through {@link JarContentSource}. */
final class Reading {

    private final Path folder;
    private final ContentLimits limits;

    Reading(Path folder) {
        this(folder, ContentLimits.DEFAULTS);
    }

    Reading(Path folder, ContentLimits limits) {
        this.folder = folder;
        this.limits = limits;
    }

    Verdict verdict(TestBundle bundle) {
        try (JarContentSource source = JarContentSource.open(bundle.write(folder))) {
            return new ContentReader(limits).read(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Curriculum accepted(TestBundle bundle) {
        Verdict verdict = verdict(bundle);
        assertThat(verdict.problems()).isEmpty();
        return ((Verdict.Accepted) verdict).curriculum();
    }

    List<ContentProblem> problems(TestBundle bundle) {
        Verdict verdict = verdict(bundle);
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return verdict.problems();
    }
}
