package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
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

    @Test
    void aCompressedSizeDeclaredLargerThanTheDataIsNotTrusted() throws Exception {
        // 2 MB of zeros deflate to about 2 KB, but the JAR claims 1 MB of compressed data: a ratio of 2
        byte[] honest = TestBundle.minimal().file(ASSET, zeros(2 * 1024 * KB), ZipEntry.DEFLATED).jar();

        List<ContentProblem> problems = validate(Bytes.declareCompressedSize(honest, ASSET, 1024 * KB), ContentLimits.DEFAULTS);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule).containsExactly(tuple(ASSET, "entry.ratio"));
    }

    @Test
    void theRatioCountsTheCompressedBytesReallyConsumed() throws Exception {
        // the JAR really holds 1 MB more, after the entry's data, and the entry declares it as its own
        byte[] honest = TestBundle.minimal().file(ASSET, zeros(2 * 1024 * KB), ZipEntry.DEFLATED).jar();
        byte[] padded = Bytes.padCompressedData(honest, ASSET, 1024 * KB);

        List<ContentProblem> problems = validate(padded, ContentLimits.DEFAULTS);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule).containsExactly(tuple(ASSET, "entry.ratio"));
        assertThat(problems.get(0).message()).startsWith("expands from 2");
    }

    @Test
    void twoEntriesCannotShareTheirData() throws Exception {
        String other = "roadshow/courses/intro/assets/other.bin";
        byte[] jar = TestBundle.minimal().file(ASSET, noise(10 * KB), ZipEntry.DEFLATED)
                .file(other, noise(10 * KB), ZipEntry.DEFLATED).jar();

        List<ContentProblem> problems = validate(Bytes.pointToDataOf(jar, other, ASSET), ContentLimits.DEFAULTS);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactlyInAnyOrder(tuple(ASSET, "entry.unreadable"), tuple(other, "entry.unreadable"));
    }

    @Test
    void theBytesOfRefusedEntriesCountTowardsTheBundle() throws Exception {
        TestBundle bundle = TestBundle.minimal();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            bundle.file("roadshow/courses/intro/assets/" + name + ".bin", zeros(100 * KB), ZipEntry.DEFLATED);
        }
        byte[] jar = bundle.jar();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            jar = Bytes.declareSize(jar, "roadshow/courses/intro/assets/" + name + ".bin", 10);
        }

        List<ContentProblem> problems = validate(jar, limits(64 * KB, 200 * KB));

        // each refused entry still counts the 64 KB read of it, so the fourth reaches the bundle limit
        assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule).containsExactly(
                tuple("roadshow/courses/intro/assets/a.bin", "entry.too-large"),
                tuple("roadshow/courses/intro/assets/b.bin", "entry.too-large"),
                tuple("roadshow/courses/intro/assets/c.bin", "entry.too-large"),
                tuple(null, "bundle.too-large"));
    }

    @Test
    void anEntryIsReadNoFurtherThanTheFirstByteOverTheLimit() {
        long[] served = new long[1];
        ContentSource source = new ContentSource() {
            @Override
            public java.util.Map<String, String> headers() {
                return java.util.Map.of();
            }

            @Override
            public List<String> files(ContentLimits limits) {
                return List.of(ASSET);
            }

            @Override
            public Entry open(String path) {
                InputStream endless = new InputStream() {
                    @Override
                    public int read() {
                        served[0]++;
                        return 0;
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) {
                        served[0] += length;
                        return length;
                    }
                };
                return new Entry(endless, -1);
            }
        };
        Problems problems = new Problems();

        EntryScan.scan(source, List.of(ASSET), limits(100 * KB, 1024 * KB), problems);

        assertThat(served[0]).isEqualTo(100 * KB + 1);
        assertThat(problems.list()).extracting(ContentProblem::rule).containsExactly("entry.too-large");
    }

    @Test
    void aBundleWithMoreEntriesThanTheLimitIsRefusedBeforeAnyIsRead() throws Exception {
        TestBundle bundle = TestBundle.minimal();
        for (int i = 0; i < 20; i++) {
            bundle.file("roadshow/courses/intro/assets/" + i + ".txt", "x");
        }
        // the manifest, course.yaml, hello.md and 20 assets, in the folders META-INF/, roadshow/,
        // roadshow/courses/, roadshow/courses/intro/, .../lessons/ and .../assets/: 29 entries
        ContentLimits limits = new ContentLimits(KB * KB, KB * KB, 100, KB * KB, KB * KB, 28, 512, 32);

        List<ContentProblem> problems = validate(bundle.jar(), limits);

        assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(null, null, "bundle.too-many-entries"));
        assertThat(problems.get(0).message()).contains("more than 28 entries");
        assertThat(validate(bundle.jar(), new ContentLimits(KB * KB, KB * KB, 100, KB * KB, KB * KB, 29, 512, 32))).isEmpty();
    }

    @Test
    void aPathLongerOrDeeperThanTheLimitIsRefused() throws Exception {
        String longName = "roadshow/courses/intro/assets/" + "x".repeat(500) + ".png";
        String deepName = "roadshow/courses/intro/assets/" + "a/".repeat(28) + "x.png";

        assertThat(validate(TestBundle.minimal().file(longName, "x").jar(), ContentLimits.DEFAULTS))
                .extracting(ContentProblem::line, ContentProblem::rule).containsExactly(tuple(null, "path.too-long"));
        assertThat(validate(TestBundle.minimal().file(deepName, "x").jar(), ContentLimits.DEFAULTS))
                .extracting(ContentProblem::file, ContentProblem::rule).containsExactly(tuple(deepName, "path.too-deep"));
        assertThat(validate(TestBundle.minimal().file(deepName.replace("a/x.png", "x.png"), "x").jar(), ContentLimits.DEFAULTS))
                .isEmpty();
    }
}
