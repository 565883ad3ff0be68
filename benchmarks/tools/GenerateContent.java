import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes N content bundles of the content-bundle-v1 format for the benchmarks: each a
 * vendor of its own with a few courses of several lessons of realistic Markdown (headings,
 * lists, a table, links, emphasis) and a quiz per course using every question type.
 * The text is drawn from a fixed seed, so the same arguments give the same bundles.
 *
 * <pre>
 * java benchmarks/tools/GenerateContent.java --out DIR --count 50
 *     [--prefix gen] [--first 1] [--version 1.0.0] [--courses 3] [--lessons 6] [--lesson-bytes 4096]
 *     [--name-suffix ""]
 * </pre>
 *
 * Bundle {@code i} is {@code DIR/com.bench.<prefix>.<NNN>.jar} (plus the name suffix),
 * vendor {@code <prefix>-<NNN>}, courses {@code <topic>-<k>}. Besides the JARs it writes
 * {@code DIR/index.tsv}: one line per course, {@code <jar file> TAB <vendor>/<course> TAB <first lesson>},
 * which the probes read to know what to wait for.
 */
public final class GenerateContent {

    private static final String[] TOPICS = {"cloud-ops", "backup", "identity", "networking", "licensing",
        "endpoint", "collaboration", "compliance", "storage", "analytics"};
    private static final String[] WORDS = ("customer partner reseller tenant server backup policy licence "
            + "migration mailbox device laptop firewall network identity password account invoice quote "
            + "margin discount renewal contract support ticket escalation warranty office branch remote "
            + "staff owner manager risk audit insurance outage recovery plan schedule weekend cutover "
            + "pilot rollout training checklist inventory storage archive retention encryption key access "
            + "role group permission report dashboard alert monitoring patch update release version "
            + "budget cost price value outcome question answer meeting proposal signal objection").split(" ");

    private final Path out;
    private final int count;
    private final String prefix;
    private final int first;
    private final String version;
    private final int courses;
    private final int lessons;
    private final int lessonBytes;
    private final String nameSuffix;

    private GenerateContent(Map<String, String> args) {
        this.out = Path.of(required(args, "out"));
        this.count = Integer.parseInt(args.getOrDefault("count", "1"));
        this.prefix = args.getOrDefault("prefix", "gen");
        this.first = Integer.parseInt(args.getOrDefault("first", "1"));
        this.version = args.getOrDefault("version", "1.0.0");
        this.courses = Integer.parseInt(args.getOrDefault("courses", "3"));
        this.lessons = Integer.parseInt(args.getOrDefault("lessons", "6"));
        this.lessonBytes = Integer.parseInt(args.getOrDefault("lesson-bytes", "4096"));
        this.nameSuffix = args.getOrDefault("name-suffix", "");
        if (!prefix.matches("[a-z][a-z0-9]{0,20}")) {
            throw new IllegalArgumentException("--prefix must be lower-case letters and digits");
        }
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                System.err.println("usage: GenerateContent --out DIR --count N [--prefix P] [--first I] [--version V]"
                        + " [--courses C] [--lessons L] [--lesson-bytes B] [--name-suffix S]");
                System.exit(2);
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        new GenerateContent(args).run();
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private void run() throws IOException {
        Files.createDirectories(out);
        List<String> index = new ArrayList<>();
        long bytes = 0;
        for (int n = first; n < first + count; n++) {
            String number = String.format("%03d", n);
            String vendor = prefix + "-" + number;
            String jarName = "com.bench." + prefix + "." + number + nameSuffix + ".jar";
            Map<String, String> files = new LinkedHashMap<>();
            List<String> courseIds = new ArrayList<>();
            Random random = new Random(31L * n + prefix.hashCode());
            for (int c = 1; c <= courses; c++) {
                String courseId = TOPICS[(n + c) % TOPICS.length] + "-" + c;
                courseIds.add(courseId);
                String firstLesson = course(files, random, vendor, courseId, c);
                index.add(jarName + "\t" + vendor + "/" + courseId + "\t" + firstLesson);
            }
            Path jar = out.resolve(jarName);
            write(jar, manifest(vendor, number, courseIds), files);
            bytes += Files.size(jar);
        }
        Files.write(out.resolve("index.tsv"), index, StandardCharsets.UTF_8);
        System.out.printf("Wrote %d content bundles (%d courses, %d KB of JARs) to %s%n",
                count, index.size(), bytes / 1024, out);
    }

    private Map<String, String> manifest(String vendor, String number, List<String> courseIds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", "com.bench." + prefix + "." + number);
        headers.put("Bundle-Version", version);
        headers.put("Bundle-Name", "Benchmark curriculum " + vendor);
        headers.put("Roadshow-Vendor", vendor);
        headers.put("Roadshow-Content", "roadshow/");
        List<String> capabilities = new ArrayList<>();
        for (String id : courseIds) {
            capabilities.add("roadshow.course;roadshow.course=\"" + vendor + "/" + id + "\";version:Version=\"" + version + "\"");
        }
        headers.put("Provide-Capability", String.join(",", capabilities));
        return headers;
    }

    /** Adds one course with its lessons and quiz; returns the id of its first lesson. */
    private String course(Map<String, String> files, Random random, String vendor, String courseId, int c) {
        String base = "roadshow/courses/" + courseId + "/";
        String quizId = courseId + "-check";
        StringBuilder yaml = new StringBuilder()
                .append("id: ").append(courseId).append('\n')
                .append("title: ").append(title(random, 4)).append('\n')
                .append("summary: ").append(sentence(random, 18)).append('\n')
                .append("language: en\n")
                .append("duration: PT").append(10 * lessons).append("M\n")
                .append("level: ").append(new String[] {"beginner", "intermediate", "advanced"}[c % 3]).append('\n')
                .append("tags: [").append(WORDS[random.nextInt(WORDS.length)]).append(", ")
                .append(WORDS[random.nextInt(WORDS.length)]).append(", bench]\n")
                .append("lessons:\n");
        String firstLesson = null;
        for (int l = 1; l <= lessons; l++) {
            String lessonId = "lesson-" + l;
            if (firstLesson == null) {
                firstLesson = lessonId;
            }
            String file = String.format("lessons/%02d-%s.md", l, lessonId);
            String lessonTitle = title(random, 5);
            yaml.append("  - id: ").append(lessonId).append('\n')
                    .append("    title: ").append(lessonTitle).append('\n')
                    .append("    file: ").append(file).append('\n')
                    .append("    duration: PT10M\n");
            files.put(base + file, lesson(random, lessonTitle));
        }
        yaml.append("quiz: ").append(quizId).append('\n');
        files.put(base + "course.yaml", yaml.toString());
        files.put("roadshow/quizzes/" + quizId + ".yaml", quiz(random, quizId));
        return firstLesson;
    }

    /** A lesson of about {@code lessonBytes} of Markdown in the shape vendors write. */
    private String lesson(Random random, String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        int section = 0;
        while (md.length() < lessonBytes) {
            section++;
            md.append("## ").append(title(random, 3)).append("\n\n");
            md.append(paragraph(random)).append("\n\n");
            switch (section % 4) {
                case 1 -> {
                    for (int i = 1; i <= 5; i++) {
                        md.append("- **").append(capitalized(WORDS[random.nextInt(WORDS.length)])).append("**: ")
                                .append(sentence(random, 10)).append('\n');
                    }
                }
                case 2 -> {
                    md.append("| Item | What the customer gets | Monthly |\n|---|---|---:|\n");
                    for (int i = 0; i < 4; i++) {
                        md.append("| ").append(title(random, 2)).append(" | ").append(sentence(random, 7))
                                .append(" | $").append(5 + random.nextInt(60)).append(" |\n");
                    }
                }
                case 3 -> {
                    for (int i = 1; i <= 4; i++) {
                        md.append(i).append(". ").append(sentence(random, 12)).append('\n');
                    }
                }
                default -> md.append("> ").append(sentence(random, 20)).append(" See [the partner portal](https://partners.example.com/")
                        .append(WORDS[random.nextInt(WORDS.length)]).append(") for the *current* terms.\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** A quiz with one question of each of the seven types. */
    private static String quiz(Random random, String quizId) {
        return "id: " + quizId + "\n"
                + "title: " + title(random, 3) + "\n"
                + "passScore: 0.8\n"
                + "shuffle: true\n"
                + "questions:\n"
                + "  - id: q1\n    type: single\n    points: 1\n    prompt: " + question(random) + "\n"
                + "    choices:\n"
                + "      - {id: a, text: " + title(random, 3) + ", correct: true, feedback: " + sentence(random, 6) + "}\n"
                + "      - {id: b, text: " + title(random, 3) + "}\n"
                + "      - {id: c, text: " + title(random, 3) + "}\n"
                + "  - id: q2\n    type: multiple\n    partial: true\n    prompt: " + question(random) + "\n"
                + "    choices:\n"
                + "      - {id: a, text: " + title(random, 2) + ", correct: true}\n"
                + "      - {id: b, text: " + title(random, 2) + ", correct: true}\n"
                + "      - {id: c, text: " + title(random, 2) + "}\n"
                + "  - id: q3\n    type: truefalse\n    prompt: " + question(random) + "\n    answer: true\n"
                + "  - id: q4\n    type: numeric\n    prompt: " + question(random) + "\n    answer: 7.6\n    tolerance: 0.1\n"
                + "  - id: q5\n    type: text\n    prompt: " + question(random) + "\n    answers: [linux, gnu/linux]\n"
                + "  - id: q6\n    type: ordering\n    prompt: Put the steps in order.\n    items: [Discover, Propose, Close]\n"
                + "  - id: q7\n    type: matching\n    prompt: Match each product to its category.\n"
                + "    pairs:\n"
                + "      - {left: Word processor, right: Desktop application}\n"
                + "      - {left: Database server, right: Back office}\n";
    }

    private static String question(Random random) {
        String s = sentence(random, 10);
        return "Which " + s.substring(0, s.length() - 1).toLowerCase() + "?";
    }

    private static String paragraph(Random random) {
        StringBuilder p = new StringBuilder();
        int sentences = 3 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(sentence(random, 10 + random.nextInt(10)));
        }
        return p.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            s.append(i == 0 ? capitalized(word) : " " + (i == words / 2 ? "_" + word + "_" : word));
        }
        return s.append('.').toString();
    }

    private static String title(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(capitalized(WORDS[random.nextInt(WORDS.length)]));
        }
        return s.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void write(Path jarFile, Map<String, String> headers, Map<String, String> files) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        // Written beside the target and renamed, so a reader never sees half a JAR.
        Path partial = jarFile.resolveSibling(jarFile.getFileName() + ".part");
        try (OutputStream stream = Files.newOutputStream(partial); JarOutputStream jar = new JarOutputStream(stream, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(partial, jarFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
