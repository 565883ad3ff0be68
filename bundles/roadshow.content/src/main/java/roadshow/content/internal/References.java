package roadshow.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references between a bundle's files, collected while they are read and checked
 * once everything is known: a course's quiz, prerequisites, a track's courses, exam
 * and renewal quiz, a tier's tracks. A reference is {@code <id>} for the bundle's own
 * vendor or {@code <vendor>/<id>}; it is kept in the global form.
 */
final class References {

    private static final Pattern REFERENCE = Pattern.compile("(?:([a-z0-9][a-z0-9-]{1,39})/)?([a-z0-9][a-z0-9-]{0,63})");

    /** What is referenced, and from where. */
    enum Kind {
        PREREQUISITE("prerequisite", "course"),
        REQUIRED_COURSE("required course", "course"),
        ELECTIVE("elective", "course"),
        COURSE_QUIZ("quiz", "quiz"),
        EXAM("exam", "quiz"),
        RENEWAL_QUIZ("renewal quiz", "quiz"),
        TIER_TRACK("track", "track");

        private final String role;
        private final String target;

        Kind(String role, String target) {
            this.role = role;
            this.target = target;
        }
    }

    /**
     * @param from the global id of the course, track or tier that refers
     * @param to   the global id referred to
     */
    private record Reference(Kind kind, String from, String to, String file, int line) {
    }

    private final String vendor;
    private final List<Reference> references = new ArrayList<>();

    References(String vendor) {
        this.vendor = vendor;
    }

    /**
     * Records a reference written as {@code text}; returns its global id, or {@code null}
     * (reported) when it is not a valid reference.
     */
    String add(Kind kind, String from, String text, String file, int line, Problems problems) {
        Matcher matcher = REFERENCE.matcher(text);
        if (!matcher.matches()) {
            problems.add(file, line, Rule.ID_INVALID, "the " + kind.role + " '" + text
                    + "' is not a valid reference: write <id> for your own " + kind.target + "s or <vendor>/<id>");
            return null;
        }
        String to = matcher.group(1) == null ? vendor + "/" + text : text;
        references.add(new Reference(kind, from, to, file, line));
        return to;
    }

    /**
     * Checks every reference against what the bundle holds and the courses its
     * {@code Require-Capability} headers declare.
     *
     * @param courses  global ids of the bundle's courses
     * @param quizzes  global ids of its quizzes
     * @param tracks   global ids of its tracks
     * @param declared global ids of courses required through {@code roadshow.course} capabilities
     */
    void check(Set<String> courses, Set<String> quizzes, Set<String> tracks, Set<String> declared, Problems problems) {
        for (Reference reference : references) {
            String problem = switch (reference.kind) {
                case COURSE_QUIZ, EXAM, RENEWAL_QUIZ -> quizzes.contains(reference.to) ? null
                        : "the " + reference.kind.role + " " + reference.to + " is not in this bundle; "
                                + "a quiz must be in the bundle that uses it, as quizzes/" + localId(reference.to) + ".yaml";
                case PREREQUISITE, REQUIRED_COURSE -> courses.contains(reference.to) || declared.contains(reference.to)
                        ? null : undeclared(reference);
                case ELECTIVE -> !ownVendor(reference.to) || courses.contains(reference.to)
                        || declared.contains(reference.to) ? null : undeclared(reference);
                case TIER_TRACK -> !ownVendor(reference.to) || tracks.contains(reference.to) ? null
                        : "the track " + reference.to + " is not in this bundle; add tracks/"
                                + localId(reference.to) + ".yaml or correct the id";
            };
            if (problem != null) {
                problems.add(reference.file, reference.line, Rule.REFERENCE_UNKNOWN, problem);
            }
        }
        checkCycles(courses, problems);
    }

    private String undeclared(Reference reference) {
        return "the " + reference.kind.role + " " + reference.to + " is not in this bundle and the bundle does not declare it: "
                + "add Require-Capability: roadshow.course;filter:=\"(roadshow.course=" + reference.to + ")\" to the manifest"
                + (ownVendor(reference.to) ? ", or correct the id" : "");
    }

    /** Prerequisites within the bundle must not form a cycle: no learner could ever start such a course. */
    private void checkCycles(Set<String> courses, Problems problems) {
        Map<String, List<Reference>> prerequisites = new LinkedHashMap<>();
        for (Reference reference : references) {
            if (reference.kind == Kind.PREREQUISITE && courses.contains(reference.to)) {
                prerequisites.computeIfAbsent(reference.from, c -> new ArrayList<>()).add(reference);
            }
        }
        Set<String> done = new HashSet<>();
        for (String course : prerequisites.keySet()) {
            visit(course, new ArrayList<>(), new HashMap<>(), done, prerequisites, problems);
        }
    }

    private void visit(String course, List<String> path, Map<String, Integer> onPath, Set<String> done,
            Map<String, List<Reference>> prerequisites, Problems problems) {
        if (done.contains(course)) {
            return;
        }
        onPath.put(course, path.size());
        path.add(course);
        for (Reference reference : prerequisites.getOrDefault(course, List.of())) {
            Integer start = onPath.get(reference.to);
            if (reference.to.equals(course)) {
                problems.add(reference.file, reference.line, Rule.REFERENCE_CYCLE, "a course cannot be its own prerequisite");
            } else if (start != null) {
                List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
                cycle.add(reference.to);
                problems.add(reference.file, reference.line, Rule.REFERENCE_CYCLE, "prerequisites form a cycle, so no learner "
                        + "could start these courses: " + String.join(" -> ", cycle.stream().map(References::localId).toList()));
            } else {
                visit(reference.to, path, onPath, done, prerequisites, problems);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(course);
        done.add(course);
    }

    private boolean ownVendor(String globalId) {
        return globalId.startsWith(vendor + "/");
    }

    private static String localId(String globalId) {
        return globalId.substring(globalId.indexOf('/') + 1);
    }
}
