package roadshow.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * A content bundle built in a test, so each test states the bundle it reads. It starts
 * from the spec's example and is changed file by file; {@link #write} turns it into a
 * JAR without folder entries (as many zip tools write them).
 */
final class TestBundle {

    static final String CONTENT = "roadshow/";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(byte[] bytes, int method) {
    }

    /** A minimal valid bundle: one course with one lesson. */
    static TestBundle minimal() {
        TestBundle bundle = new TestBundle();
        bundle.headers.put("Bundle-ManifestVersion", "2");
        bundle.headers.put("Bundle-SymbolicName", "com.example.training.cloud");
        bundle.headers.put("Bundle-Version", "1.2.0");
        bundle.headers.put("Bundle-Name", "Example Cloud Curriculum");
        bundle.headers.put("Roadshow-Vendor", "example");
        bundle.headers.put("Roadshow-Content", CONTENT);
        return bundle
                .content("courses/intro/course.yaml", """
                        id: intro
                        title: Introduction
                        lessons:
                          - id: hello
                            title: Hello
                            file: lessons/hello.md
                        """)
                .content("courses/intro/lessons/hello.md", "# Hello\n");
    }

    /** The bundle of the spec's examples, every file and field of them, made complete so that it is valid. */
    static TestBundle spec() {
        TestBundle bundle = minimal();
        bundle.headers.put("Provide-Capability",
                "roadshow.course;roadshow.course=\"example/cloud-basics\";version:Version=\"1.2.0\"");
        bundle.headers.put("Require-Capability", "roadshow.course;filter:=\"(roadshow.course=example/intro)\"");
        bundle.entries.clear();
        return bundle
                .content("courses/cloud-basics/course.yaml", """
                        id: cloud-basics
                        title: Cloud Basics for Resellers
                        summary: What to tell a small business about moving its servers to the cloud.
                        language: en                   # BCP 47; translations under i18n/<locale>/
                        duration: PT45M                # ISO 8601 duration, the learner's estimate
                        level: beginner                # beginner | intermediate | advanced
                        tags: [cloud, sales]
                        prerequisites: [intro]         # courses to complete first (same vendor or vendor/id)
                        lessons:
                          - id: welcome
                            title: Welcome
                            file: lessons/01-welcome.md
                            duration: PT5M
                          - id: pricing
                            title: Pricing conversations
                            file: lessons/02-pricing.md
                        quiz: cloud-basics-check       # optional; passing it is required to complete the course
                        """)
                .content("courses/cloud-basics/lessons/01-welcome.md", "# Welcome\n\nWhy the cloud, and why now.\n")
                .content("courses/cloud-basics/lessons/02-pricing.md", "# Pricing conversations\n\n![chart](assets/tco.png)\n")
                .content("courses/cloud-basics/assets/tco.png", "not really a PNG")
                .content("courses/cloud-basics/i18n/de/course.yaml", """
                        title: Cloud-Grundlagen für Händler
                        summary: Was Sie einem kleinen Unternehmen über den Umzug in die Cloud sagen.
                        lessons:
                          - id: welcome
                            title: Willkommen
                        """)
                .content("courses/cloud-basics/i18n/de/lessons/01-welcome.md", "# Willkommen\n")
                .content("courses/pricing/course.yaml", lessonCourse("pricing", "Pricing"))
                .content("courses/pricing/lessons/one.md", "# One\n")
                .content("courses/migration/course.yaml", lessonCourse("migration", "Migration"))
                .content("courses/migration/lessons/one.md", "# One\n")
                .content("courses/licensing/course.yaml", lessonCourse("licensing", "Licensing"))
                .content("courses/licensing/lessons/one.md", "# One\n")
                .content("quizzes/cloud-basics-check.yaml", """
                        id: cloud-basics-check
                        title: Cloud basics check
                        passScore: 0.8                 # fraction of available points
                        timeLimit: PT15M               # optional; enforced on the server
                        maxAttempts: 3                 # optional; 0 or absent = unlimited
                        draw: 5                        # optional; ask 5 questions drawn at random from the pool
                        shuffle: true                  # shuffle question order and choice order
                        questions:
                          - id: q1
                            type: single               # exactly one correct choice
                            points: 1
                            prompt: Which cost does a move to the cloud turn from capital into operating expense?
                            choices:
                              - {id: a, text: Server hardware, correct: true, feedback: Right, no more boxes to buy.}
                              - {id: b, text: Staff training}
                          - id: q2
                            type: multiple             # every correct choice and no wrong one; partial: true for partial credit
                            partial: true
                            prompt: Which of these are SMB buying signals?
                            choices:
                              - {id: a, text: A server out of warranty, correct: true}
                              - {id: b, text: A new office, correct: true}
                              - {id: c, text: A new logo}
                          - id: q3
                            type: truefalse
                            prompt: A small business can deduct up to $100,000 of capital equipment a year.
                            answer: true
                          - id: q4
                            type: numeric
                            prompt: How many SMBs did the study estimate in the US, in millions?
                            answer: 7.6
                            tolerance: 0.1
                          - id: q5
                            type: text                 # case- and whitespace-insensitive match against any answer
                            prompt: Name the open-source operating system in the migration incentive.
                            answers: [linux, gnu/linux]
                          - id: q6
                            type: ordering             # items listed in their correct order; shown shuffled
                            prompt: Put the sales steps in order.
                            items: [Discover, Propose, Close]
                          - id: q7
                            type: matching             # each left matched to its right; shown shuffled
                            prompt: Match the product to its category.
                            pairs:
                              - {left: Word processor, right: Desktop application}
                              - {left: Database server, right: Back office}
                        """)
                .content("quizzes/specialist-exam.yaml", trueFalseQuiz("specialist-exam"))
                .content("quizzes/specialist-renewal.yaml", trueFalseQuiz("specialist-renewal"))
                .content("tracks/cloud-sales-specialist.yaml", """
                        id: cloud-sales-specialist
                        title: Cloud Sales Specialist
                        requires:
                          courses: [cloud-basics, pricing]        # all of these completed
                          electives: {choose: 1, from: [migration, licensing, other-vendor/security]}
                          exam: specialist-exam                   # optional quiz that must be passed last
                        validFor: P1Y                             # optional; the certification expires
                        renewal:
                          quiz: specialist-renewal                # passing it before expiry extends it by validFor
                        """)
                .content("program.yaml", """
                        tiers:                                    # lowest first
                          - id: silver
                            title: Silver Partner
                            requires:
                              - {track: cloud-sales-specialist, people: 2}
                          - id: gold
                            title: Gold Partner
                            requires:
                              - {track: cloud-sales-specialist, people: 5}
                              - {track: other-vendor/security-pro, people: 1}
                        """);
    }

    static String lessonCourse(String id, String title) {
        return "id: " + id + "\ntitle: " + title + "\nlessons:\n  - {id: one, title: One, file: lessons/one.md}\n";
    }

    static String trueFalseQuiz(String id) {
        return "id: " + id + "\ntitle: " + id + "\npassScore: 1\nquestions:\n"
                + "  - {id: q1, type: truefalse, prompt: The cloud is someone else's computer., answer: true}\n";
    }

    TestBundle header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** Adds or replaces a file under the content folder. */
    TestBundle content(String path, String text) {
        return file(CONTENT + path, text);
    }

    /** Adds or replaces a file, relative to the bundle root. */
    TestBundle file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8), ZipEntry.DEFLATED);
    }

    TestBundle file(String path, byte[] bytes, int method) {
        entries.put(path, new Entry(bytes, method));
        return this;
    }

    /** A file's bytes, by its path from the bundle root. */
    byte[] jarEntry(String path) {
        return entries.get(path).bytes();
    }

    TestBundle remove(String contentPath) {
        entries.remove(CONTENT + contentPath);
        return this;
    }

    /** The JAR's bytes, the manifest first. */
    byte[] jar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes);
        return bytes.toByteArray();
    }

    Path write(Path folder) throws IOException {
        Path jar = Files.createTempFile(folder, "content-", ".jar");
        Files.write(jar, jar());
        return jar;
    }

    private void write(OutputStream out) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, Entry> file : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                byte[] content = file.getValue().bytes();
                entry.setMethod(file.getValue().method());
                if (file.getValue().method() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                jar.putNextEntry(entry);
                jar.write(content);
                jar.closeEntry();
            }
        }
    }
}
