package roadshow.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a content bundle's manifest says about it, read as a pure function of its
 * headers (in the manner of Sling's {@code PathEntry.getContentPaths(headers)}).
 *
 * @param symbolicName     {@code Bundle-SymbolicName} without its parameters
 * @param version          {@code Bundle-Version}, normalized as OSGi prints it
 * @param vendor           {@code Roadshow-Vendor}
 * @param folder           {@code Roadshow-Content}, relative to the bundle root, ending in {@code /};
 *                         {@code null} when missing or unusable
 * @param providedCourses  values of the {@code roadshow.course} capabilities the bundle provides
 * @param requiredCourses  global ids of the courses its {@code roadshow.course} requirements name
 * @param requiredQuestionTypes ids of the question types its {@code roadshow.question.type} requirements
 *                         name: types that a code bundle adds, which its quizzes may use
 */
record BundleManifest(
        String symbolicName,
        String version,
        String vendor,
        String folder,
        List<String> providedCourses,
        Set<String> requiredCourses,
        Set<String> requiredQuestionTypes) {

    static final String FILE = "META-INF/MANIFEST.MF";
    static final String CONTENT = "Roadshow-Content";
    static final String VENDOR = "Roadshow-Vendor";
    static final String COURSE_NAMESPACE = "roadshow.course";
    /** The namespace in which a code bundle provides a question type, and a content bundle requires it. */
    static final String QUESTION_TYPE_NAMESPACE = "roadshow.question.type";

    static final Pattern VENDOR_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    /** {@code <vendor>/<id>}, the form in which courses are named across bundles. */
    static final Pattern GLOBAL_ID = Pattern.compile("([a-z0-9][a-z0-9-]{1,39})/([a-z0-9][a-z0-9-]{0,63})");

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[\\w-]+(\\.[\\w-]+)*");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.([\\w-]+))?)?)?");
    private static final Pattern REQUIRED_COURSE = naming(COURSE_NAMESPACE);
    private static final Pattern REQUIRED_QUESTION_TYPE = naming(QUESTION_TYPE_NAMESPACE);

    BundleManifest {
        providedCourses = List.copyOf(providedCourses);
        requiredCourses = Set.copyOf(requiredCourses);
        requiredQuestionTypes = Set.copyOf(requiredQuestionTypes);
    }

    /** Reads the headers, reporting every header that breaks a rule. */
    static BundleManifest read(Map<String, String> headers, Problems problems) {
        String folder = folder(headers.get(CONTENT), problems);

        String manifestVersion = trimmed(headers.get("Bundle-ManifestVersion"));
        if (!"2".equals(manifestVersion)) {
            problems.add(FILE, null, Rule.MANIFEST_MANIFEST_VERSION,
                    "Bundle-ManifestVersion must be 2, not " + (manifestVersion == null ? "missing" : "'" + manifestVersion + "'"));
        }

        String symbolicName = trimmed(headers.get("Bundle-SymbolicName"));
        if (symbolicName != null) {
            symbolicName = symbolicName.split(";", 2)[0].strip();
        }
        if (symbolicName == null || !SYMBOLIC_NAME.matcher(symbolicName).matches()) {
            problems.add(FILE, null, Rule.MANIFEST_SYMBOLIC_NAME, symbolicName == null
                    ? "Bundle-SymbolicName is missing; name the bundle, such as com.example.training.cloud"
                    : "Bundle-SymbolicName '" + symbolicName + "' is not a valid name, such as com.example.training.cloud");
        }

        String version = version(trimmed(headers.get("Bundle-Version")), problems);

        String vendor = trimmed(headers.get(VENDOR));
        if (vendor == null || !VENDOR_ID.matcher(vendor).matches()) {
            problems.add(FILE, null, Rule.MANIFEST_VENDOR, vendor == null
                    ? "Roadshow-Vendor is missing; it names the vendor the content is published under"
                    : "Roadshow-Vendor '" + vendor
                            + "' is not a valid vendor id: use 2 to 40 lower-case letters, digits and '-', starting with a letter or digit");
        }

        List<String> provided = new ArrayList<>();
        for (HeaderClauses.Clause clause : clauses(headers, "Provide-Capability", problems)) {
            if (!clause.names().contains(COURSE_NAMESPACE)) {
                continue;
            }
            String course = clause.attributes().get(COURSE_NAMESPACE);
            if (course == null) {
                problems.add(FILE, null, Rule.MANIFEST_CAPABILITY, "a Provide-Capability in the roadshow.course namespace "
                        + "must name the course, such as roadshow.course;roadshow.course=\"example/cloud-basics\"");
            } else {
                provided.add(course);
            }
        }

        Set<String> required = new LinkedHashSet<>();
        Set<String> questionTypes = new LinkedHashSet<>();
        for (HeaderClauses.Clause clause : clauses(headers, "Require-Capability", problems)) {
            if (clause.names().contains(COURSE_NAMESPACE)) {
                required.addAll(requiredCourses(clause, problems));
            }
            if (clause.names().contains(QUESTION_TYPE_NAMESPACE)) {
                questionTypes.addAll(requiredQuestionTypes(clause, problems));
            }
        }
        return new BundleManifest(symbolicName, version, vendor, folder, provided, required, questionTypes);
    }

    /** The course global ids a requirement's filter names with {@code (roadshow.course=<vendor>/<id>)}. */
    static List<String> requiredCourses(String filter) {
        return valuesNamed(REQUIRED_COURSE, filter);
    }

    /**
     * The question type ids a requirement's filter names with {@code (roadshow.question.type=<id>)}.
     * The framework matches the whole filter when it resolves the bundle; here it is enough to
     * know which types the vendor meant, as for courses.
     */
    static List<String> requiredQuestionTypes(String filter) {
        return valuesNamed(REQUIRED_QUESTION_TYPE, filter);
    }

    /** Matches {@code (<namespace>=<value>)} in a filter, the value in group 1. */
    private static Pattern naming(String namespace) {
        return Pattern.compile("\\(" + Pattern.quote(namespace) + "=([^)]*)\\)");
    }

    private static List<String> valuesNamed(Pattern naming, String filter) {
        List<String> values = new ArrayList<>();
        Matcher matcher = naming.matcher(filter);
        while (matcher.find()) {
            values.add(matcher.group(1).strip());
        }
        return values;
    }

    /**
     * What a requirement's filter names, read by {@code named}; reported when it names nothing.
     *
     * @param what    what it should name, such as "the course"
     * @param example a filter naming one
     */
    private static List<String> requiredValues(HeaderClauses.Clause clause, String namespace, Function<String, List<String>> named,
            String what, String example, Problems problems) {
        String filter = clause.directives().get("filter");
        List<String> values = filter == null ? List.of() : named.apply(filter);
        if (values.isEmpty()) {
            problems.add(FILE, null, Rule.MANIFEST_CAPABILITY, "a Require-Capability in the " + namespace + " namespace "
                    + "needs a filter naming " + what + ", such as filter:=\"" + example + "\"");
        }
        return values;
    }

    private static List<String> requiredQuestionTypes(HeaderClauses.Clause clause, Problems problems) {
        return requiredValues(clause, QUESTION_TYPE_NAMESPACE, BundleManifest::requiredQuestionTypes, "the question type",
                "(roadshow.question.type=cloze)", problems);
    }

    private static List<String> requiredCourses(HeaderClauses.Clause clause, Problems problems) {
        List<String> courses = requiredValues(clause, COURSE_NAMESPACE, BundleManifest::requiredCourses, "the course",
                "(roadshow.course=example/intro)", problems);
        List<String> valid = new ArrayList<>();
        for (String course : courses) {
            if (GLOBAL_ID.matcher(course).matches()) {
                valid.add(course);
            } else {
                problems.add(FILE, null, Rule.MANIFEST_CAPABILITY, "Require-Capability names the course '" + course
                        + "'; name courses of other bundles as <vendor>/<course id>, such as example/intro");
            }
        }
        return valid;
    }

    private static List<HeaderClauses.Clause> clauses(Map<String, String> headers, String name, Problems problems) {
        String header = headers.get(name);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return HeaderClauses.parse(header);
        } catch (IllegalArgumentException e) {
            problems.add(FILE, null, Rule.MANIFEST_CAPABILITY, name + " is malformed: " + e.getMessage());
            return List.of();
        }
    }

    private static String folder(String header, Problems problems) {
        String value = trimmed(header);
        if (value == null) {
            problems.add(FILE, null, Rule.MANIFEST_CONTENT,
                    "not a content bundle: the Roadshow-Content header, naming the folder that holds the content, is missing");
            return null;
        }
        String folder = value.startsWith("/") ? value.substring(1) : value;
        folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        ContentPaths.Violation violation = folder.isEmpty()
                ? new ContentPaths.Violation(Rule.MANIFEST_CONTENT, "it names the bundle root")
                : ContentPaths.check(folder);
        if (violation != null) {
            problems.add(FILE, null, Rule.MANIFEST_CONTENT, "Roadshow-Content '" + value
                    + "' must name a folder inside the bundle, such as roadshow/: " + violation.message());
            return null;
        }
        return folder + "/";
    }

    private static String version(String header, Problems problems) {
        Matcher matcher = header == null ? null : VERSION.matcher(header);
        if (matcher == null || !matcher.matches()) {
            problems.add(FILE, null, Rule.MANIFEST_VERSION, header == null
                    ? "Bundle-Version is missing; give the bundle a version such as 1.2.0"
                    : "Bundle-Version '" + header + "' is not an OSGi version such as 1.2.0");
            return header;
        }
        StringBuilder version = new StringBuilder()
                .append(Integer.parseInt(matcher.group(1))).append('.')
                .append(matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2))).append('.')
                .append(matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
        if (matcher.group(4) != null) {
            version.append('.').append(matcher.group(4));
        }
        return version.toString();
    }

    private static String trimmed(String header) {
        return header == null || header.isBlank() ? null : header.strip();
    }
}
