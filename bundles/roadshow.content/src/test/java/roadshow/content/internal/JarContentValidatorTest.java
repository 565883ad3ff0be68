package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import roadshow.content.api.ContentProblem;
import roadshow.content.api.ContentValidator;

/** The validator as a command-line tool or the deploy pipeline calls it: a path in, problems out. */
class JarContentValidatorTest {

    @TempDir
    Path temp;

    private final ContentValidator validator = new JarContentValidator(ContentLimits.DEFAULTS);

    @Test
    void aValidBundleHasNoProblems() throws Exception {
        assertThat(validator.validate(TestBundle.spec().write(temp))).isEmpty();
    }

    @Test
    void aFileThatIsNoJarIsReportedAsSuch() throws Exception {
        Path file = Files.writeString(temp.resolve("course.jar"), "id: intro\ntitle: not a JAR\n");

        assertThat(validator.validate(file)).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(null, null, "jar.invalid"));
    }

    @Test
    void aJarWithoutManifestIsNoContentBundle() throws Exception {
        Path file = temp.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("roadshow/program.yaml"));
            zip.write("tiers: []\n".getBytes());
        }

        List<ContentProblem> problems = validator.validate(file);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule).containsExactly(
                tuple("META-INF/MANIFEST.MF", "manifest.content"),
                tuple("META-INF/MANIFEST.MF", "manifest.manifest-version"),
                tuple("META-INF/MANIFEST.MF", "manifest.symbolic-name"),
                tuple("META-INF/MANIFEST.MF", "manifest.version"),
                tuple("META-INF/MANIFEST.MF", "manifest.vendor"));
        assertThat(problems.get(0).message()).startsWith("not a content bundle");
    }

    @Test
    void aMissingFileIsAnIoFailureNotAProblemOfTheBundle() {
        assertThatIOException()
                .isThrownBy(() -> validator.validate(temp.resolve("missing.jar")));
    }

    @Test
    void aManifestWithAMalformedHeaderNameIsAProblemOfTheBundle() throws Exception {
        Path file = temp.resolve("bad-manifest.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\nRoadshow Content: roadshow/\r\n\r\n".getBytes());
        }

        assertThat(validator.validate(file)).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactly(tuple("META-INF/MANIFEST.MF", "entry.unreadable"));
    }

    @Test
    void whateverFailsWhileReadingIsAProblemNotAnException() throws Exception {
        Path jar = TestBundle.minimal().write(temp);
        ContentValidator failing = new JarContentValidator(new ContentReader(ContentLimits.DEFAULTS) {
            @Override
            public Verdict read(ContentSource source) {
                throw new StackOverflowError();
            }
        });

        assertThat(failing.validate(jar)).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(null, null, "bundle.unreadable"));
    }
}
