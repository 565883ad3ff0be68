package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import roadshow.content.api.ContentProblem;

/** The size rules, applied to JARs as the validator reads them, hostile ones included. */
class EntryLimitsTest {

    private static final int KB = 1024;
    private static final String ASSET = "roadshow/courses/intro/assets/video.bin";

    @TempDir
    Path temp;

    private static byte[] zeros(int size) {
        return new byte[size];
    }

    /** Bytes that do not compress, so compressed and uncompressed sizes are alike. */
    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private List<ContentProblem> validate(byte[] jar, ContentLimits limits) throws Exception {
        Path file = Files.write(temp.resolve("bundle.jar"), jar);
        return new JarContentValidator(limits).validate(file);
    }

    private static ContentLimits limits(long maxEntry, long maxBundle) {
        return new ContentLimits(maxEntry, maxBundle, 100, 1024 * KB, 4 * 1024 * KB);
    }

    @Test
    void anEntryOverTheLimitIsRefused() throws Exception {
        byte[] jar = TestBundle.minimal().file(ASSET, noise(60 * KB), ZipEntry.STORED).jar();

        List<ContentProblem> problems = validate(jar, limits(50 * KB, 1024 * KB));

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(ASSET, null, "entry.too-large"));
        assertThat(problems.get(0).message()).contains("60 KB").contains("50 KB");
    }

    @Test
    void anEntryThatExpandsPastTheLimitIsRefusedWhateverItDeclares() throws Exception {
        byte[] honest = TestBundle.minimal().file(ASSET, zeros(200 * KB), ZipEntry.DEFLATED).jar();
        byte[] lying = Bytes.declareSize(honest, ASSET, 10);

        List<ContentProblem> problems = validate(lying, limits(64 * KB, 1024 * KB));

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(ASSET, null, "entry.too-large"));
        assertThat(problems.get(0).message()).startsWith("expands to more than 64 KB");
    }

    @Test
    void aCompressionBombIsRefused() throws Exception {
        // 2 MB of zeros deflate to about 2 KB: a ratio near 1000 to 1
        byte[] jar = TestBundle.minimal().file(ASSET, zeros(2 * 1024 * KB), ZipEntry.DEFLATED).jar();

        List<ContentProblem> problems = validate(jar, ContentLimits.DEFAULTS);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(ASSET, null, "entry.ratio"));
        assertThat(problems.get(0).message()).contains("100 to 1");
    }

    @Test
    void aCompressionBombIsRefusedEvenWhenItDeclaresASmallSize() throws Exception {
        byte[] honest = TestBundle.minimal().file(ASSET, zeros(4 * 1024 * KB), ZipEntry.DEFLATED).jar();

        List<ContentProblem> problems = validate(Bytes.declareSize(honest, ASSET, 1000), ContentLimits.DEFAULTS);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule).containsExactly(tuple(ASSET, "entry.ratio"));
    }

    @Test
    void theRatioRuleSparesEntriesUpToOneMegabyte() throws Exception {
        byte[] jar = TestBundle.minimal().file(ASSET, zeros(1024 * KB), ZipEntry.DEFLATED).jar();

        assertThat(validate(jar, ContentLimits.DEFAULTS)).isEmpty();
    }

    @Test
    void aBundleOverTheTotalLimitIsRefused() throws Exception {
        byte[] jar = TestBundle.minimal()
                .file("roadshow/courses/intro/assets/a.bin", noise(40 * KB), ZipEntry.STORED)
                .file("roadshow/courses/intro/assets/b.bin", noise(40 * KB), ZipEntry.STORED)
                .file("roadshow/courses/intro/assets/c.bin", noise(40 * KB), ZipEntry.STORED)
                .jar();

        List<ContentProblem> problems = validate(jar, limits(64 * KB, 100 * KB));

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(null, null, "bundle.too-large"));
        assertThat(problems.get(0).message()).contains("100 KB").contains("roadshow/courses/intro/assets/c.bin");
    }

    @Test
    void aYamlFileOverTheDocumentLimitIsRefused() throws Exception {
        byte[] jar = TestBundle.minimal().content("courses/intro/course.yaml",
                TestBundle.lessonCourse("intro", "Intro").replace("one.md", "hello.md") + "summary: " + "x".repeat(2000) + "\n").jar();

        List<ContentProblem> problems = validate(jar, new ContentLimits(64 * KB, 1024 * KB, 100, 1024 * KB, KB));

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple("roadshow/courses/intro/course.yaml", null, "document.too-large"));
    }

    @Test
    void aLimitCannotBeZero() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ContentLimits(0, 1, 1, 1, 1));
    }
}
