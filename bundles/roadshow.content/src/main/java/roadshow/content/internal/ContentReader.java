package roadshow.content.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import roadshow.content.api.ContentProblem;
import roadshow.content.api.Course;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

/**
 * Reads and validates a content bundle against the content format, version 1. It is
 * a pure function of what the {@link ContentSource} holds: no framework, no state
 * between calls, safe to share between threads. It reports every problem it finds,
 * not just the first, so a vendor can fix a bundle in one pass.
 *
 * <pre>{@code
 * ContentReader reader = new ContentReader(ContentLimits.DEFAULTS);
 * try (JarContentSource jar = JarContentSource.open(path)) {
 *     Verdict verdict = reader.read(jar);
 * }
 * }</pre>
 *
 * <p>It is not final only so that tests can stand in a reader that fails.
 */
public class ContentReader {

    static final String COURSES = "courses/";
    static final String QUIZZES = "quizzes/";
    static final String TRACKS = "tracks/";
    private static final String YAML = ".yaml";

    private final ContentLimits limits;
    private final YamlTree yaml;

    public ContentReader(ContentLimits limits) {
        this.limits = limits;
        this.yaml = new YamlTree(limits.maxDocumentBytes());
    }

    /**
     * Reads a bundle.
     *
     * @throws IOException when the source cannot list its files; a file that cannot be
     *                     read, the manifest included, is a problem of the bundle instead
     */
    public Verdict read(ContentSource source) throws IOException {
        Problems problems = new Problems();
        Map<String, String> headers;
        try {
            headers = source.headers();
        } catch (IOException e) {
            problems.add(BundleManifest.FILE, null, Rule.ENTRY_UNREADABLE, "the manifest cannot be read: " + e.getMessage());
            return new Verdict.Refused(problems.list());
        }
        BundleManifest manifest = BundleManifest.read(headers, problems);
        if (manifest.folder() == null) {
            return new Verdict.Refused(problems.list());
        }
        BundleCode.checkHeaders(headers, problems);
        List<String> listed;
        try {
            listed = source.files(limits);
        } catch (EntryListing.LimitReached e) {
            // the listing stopped there: what was not listed cannot be checked
            problems.add(e.file(), null, e.rule(), e.getMessage());
            return new Verdict.Refused(problems.list());
        }
        List<String> files = entries(listed, problems);
        EntryScan scan = EntryScan.scan(source, files, limits, problems);
        if (scan.bundleTooLarge()) {
            return new Verdict.Refused(problems.list());
        }

        String folder = manifest.folder();
        Set<String> contentFiles = new TreeSet<>();
        for (String file : files) {
            if (file.startsWith(folder)) {
                contentFiles.add(file.substring(folder.length()));
            }
        }
        if (contentFiles.isEmpty()) {
            problems.add(BundleManifest.FILE, null, Rule.MANIFEST_CONTENT, "Roadshow-Content names the folder " + folder
                    + ", which is not in the bundle or holds no files");
            return new Verdict.Refused(problems.list());
        }
        for (String file : files) {
            BundleCode.checkFile(file, folder, problems);
        }

        ContentFolder content = new ContentFolder(source, folder, scan, limits, yaml, problems);
        Layout layout = Layout.of(contentFiles, content);

        String vendor = manifest.vendor();
        References references = new References(vendor);
        CourseReader courseReader = new CourseReader(content, vendor, references);
        List<Course> courses = new ArrayList<>();
        layout.courses().forEach((name, courseFiles) -> add(courses, courseReader.read(name, courseFiles)));
        QuizReader quizReader = new QuizReader(content, vendor, manifest.requiredQuestionTypes());
        List<Quiz> quizzes = new ArrayList<>();
        layout.quizzes().forEach(name -> add(quizzes, quizReader.read(name)));
        TrackReader trackReader = new TrackReader(content, vendor, references);
        List<Track> tracks = new ArrayList<>();
        layout.tracks().forEach(name -> add(tracks, trackReader.read(name)));
        Program program = layout.program() ? new ProgramReader(content, vendor, references).read() : null;

        // what the bundle holds counts even where a file was refused, so one broken
        // file does not also break every reference to it
        Set<String> courseIds = globalIds(vendor, layout.courses().keySet());
        references.check(courseIds, globalIds(vendor, layout.quizzes()), globalIds(vendor, layout.tracks()),
                manifest.requiredCourses(), problems);
        for (String type : manifest.requiredQuestionTypes()) {
            if (QuizReader.builtIn(type)) {
                problems.add(BundleManifest.FILE, null, Rule.MANIFEST_CAPABILITY, "Require-Capability requires the question "
                        + "type '" + type + "', which is built in: no bundle provides it, so the bundle would never resolve; "
                        + "require only types that a code bundle adds");
            }
        }
        for (String provided : manifest.providedCourses()) {
            if (!courseIds.contains(provided)) {
                problems.add(BundleManifest.FILE, null, Rule.CAPABILITY_COURSE, "Provide-Capability offers the course '"
                        + provided + "', which is not in this bundle; a bundle provides only its own courses, as " + vendor + "/<id>");
            }
        }

        if (!problems.isEmpty()) {
            return new Verdict.Refused(problems.list());
        }
        return new Verdict.Accepted(new Curriculum(manifest.symbolicName(), manifest.version(), vendor, folder,
                courses, quizzes, tracks, program));
    }

    /**
     * The verdict on a bundle whose reading failed in a way no rule foresees, such as a
     * structure so deep that reading it overflowed the stack: the bundle is refused with
     * that reason rather than left half-read.
     */
    static Verdict.Refused failed(Throwable failure) {
        String reason = failure instanceof StackOverflowError
                ? "it is built so deep that reading it overflowed the stack"
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return new Verdict.Refused(List.of(new ContentProblem(null, null, Rule.BUNDLE_UNREADABLE.id(),
                "the bundle cannot be read (" + reason + "); it is refused as a whole")));
    }

    /** The bundle's paths, each once and safe to use; duplicates and unsafe names are reported. */
    private static List<String> entries(List<String> listed, Problems problems) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        List<String> entries = new ArrayList<>();
        for (String path : listed) {
            if (!seen.add(path)) {
                if (reported.add(path)) {
                    // the framework would serve one copy and the validator may have checked the other
                    problems.add(path, null, Rule.ENTRY_DUPLICATE, "the JAR holds this path more than once; keep one copy");
                }
                continue;
            }
            ContentPaths.Violation violation = ContentPaths.check(path);
            if (violation != null) {
                problems.add(path, null, violation.rule(), "the entry name " + violation.message());
            } else {
                entries.add(path);
            }
        }
        entries.sort(null);
        return entries;
    }

    /**
     * The content folder's files sorted by what they hold; files with no place in the
     * layout are reported, so that a misspelt folder such as {@code quizes/} is not
     * silently left out.
     *
     * @param courses by course folder name, the files in it, relative to it
     * @param quizzes the names of the quiz files, without {@code .yaml}
     * @param tracks  the names of the track files, without {@code .yaml}
     * @param program whether there is a {@code program.yaml}
     */
    private record Layout(Map<String, Set<String>> courses, List<String> quizzes, List<String> tracks, boolean program) {

        static Layout of(Set<String> contentFiles, ContentFolder content) {
            Layout layout = new Layout(new TreeMap<>(), new ArrayList<>(), new ArrayList<>(),
                    contentFiles.contains(ProgramReader.PROGRAM_FILE));
            for (String path : contentFiles) {
                int slash = path.indexOf('/', COURSES.length());
                if (path.equals(ProgramReader.PROGRAM_FILE)) {
                    continue;
                } else if (path.startsWith(COURSES) && slash > 0) {
                    layout.courses.computeIfAbsent(path.substring(COURSES.length(), slash), c -> new TreeSet<>())
                            .add(path.substring(slash + 1));
                } else if (path.startsWith(QUIZZES)) {
                    addName(content, path, QUIZZES, "quiz", layout.quizzes);
                } else if (path.startsWith(TRACKS)) {
                    addName(content, path, TRACKS, "track", layout.tracks);
                } else {
                    content.problems().add(content.bundlePath(path), null, Rule.FILE_UNEXPECTED, "this file has no place "
                            + "in the content layout: the content folder holds courses/<id>/, quizzes/<id>.yaml, "
                            + "tracks/<id>.yaml and program.yaml");
                }
            }
            return layout;
        }

        private static void addName(ContentFolder content, String path, String folder, String what, List<String> names) {
            String name = path.substring(folder.length());
            if (name.contains("/") || !name.endsWith(YAML)) {
                content.problems().add(content.bundlePath(path), null, Rule.FILE_UNEXPECTED, "this file has no place in "
                        + "the content layout: " + folder + " holds one <id>.yaml file per " + what + ", without subfolders");
            } else {
                names.add(name.substring(0, name.length() - YAML.length()));
            }
        }
    }

    private static Set<String> globalIds(String vendor, Iterable<String> ids) {
        Set<String> globalIds = new HashSet<>();
        ids.forEach(id -> globalIds.add(vendor + "/" + id));
        return globalIds;
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }
}
