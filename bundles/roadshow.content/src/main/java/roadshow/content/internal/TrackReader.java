package roadshow.content.internal;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import roadshow.content.api.Track;

/** Reads a certification track, {@code tracks/<id>.yaml}. */
final class TrackReader {

    private static final List<String> TRACK_FIELDS = List.of("id", "title", "requires", "validFor", "renewal");
    private static final List<String> REQUIRES_FIELDS = List.of("courses", "electives", "exam");
    private static final List<String> ELECTIVES_FIELDS = List.of("choose", "from");
    private static final List<String> RENEWAL_FIELDS = List.of("quiz", "window");

    private final ContentFolder content;
    private final String vendor;
    private final References references;

    TrackReader(ContentFolder content, String vendor, References references) {
        this.content = content;
        this.vendor = vendor;
        this.references = references;
    }

    /**
     * Reads {@code tracks/<name>.yaml}.
     *
     * @param name the file name without {@code .yaml}, which is the track id
     * @return the track, or {@code null} when it is not usable (reported)
     */
    Track read(String name) {
        String path = ContentReader.TRACKS + name + ".yaml";
        String file = content.bundlePath(path);
        Problems problems = content.problems();
        if (!YamlFields.ID.matcher(name).matches()) {
            problems.add(file, null, Rule.ID_INVALID, "the track file name " + YamlFields.invalidId(name)
                    + "; the file name is the track id");
            return null;
        }
        YamlNode root = content.yaml(path);
        if (root == null) {
            return null;
        }
        String globalId = vendor + "/" + name;
        YamlFields fields = YamlFields.of(root, "a track", file, problems, TRACK_FIELDS);
        String id = fields.id("id");
        if (id != null && !id.equals(name)) {
            problems.add(file, fields.line("id"), Rule.ID_MISMATCH,
                    "the track id '" + id + "' must equal its file name, '" + name + ".yaml'");
        }
        String title = fields.requiredText("title");

        List<String> courses = new ArrayList<>();
        Track.Electives electives = null;
        String exam = null;
        YamlFields requires = fields.require("requires") ? fields.mapping("requires", REQUIRES_FIELDS) : null;
        if (requires != null) {
            courses = courses(requires, "courses", References.Kind.REQUIRED_COURSE, globalId);
            electives = electives(requires, globalId);
            String examText = requires.text("exam");
            if (examText != null) {
                exam = references.add(References.Kind.EXAM, globalId, examText, file, requires.line("exam"), problems);
            }
            if (fields.node("requires") instanceof YamlNode.Mapping
                    && !requires.has("courses") && !requires.has("electives") && !requires.has("exam")) {
                problems.add(file, fields.line("requires"), Rule.FIELD_MISSING,
                        "'requires' must name the courses, electives or exam a learner completes for the certification");
            }
        }

        Period validFor = fields.period("validFor");
        String renewalQuiz = null;
        Period renewalWindow = null;
        YamlFields renewal = fields.mapping("renewal", RENEWAL_FIELDS);
        if (renewal != null) {
            renewalWindow = renewal.period("window");
            String quiz = renewal.requiredText("quiz");
            if (quiz != null) {
                renewalQuiz = references.add(References.Kind.RENEWAL_QUIZ, globalId, quiz, file, renewal.line("quiz"), problems);
            }
            if (!fields.has("validFor")) {
                problems.add(file, fields.line("renewal"), Rule.TRACK_RENEWAL,
                        "a renewal extends a certification that expires: give the track a 'validFor', such as P1Y");
            }
        }
        return new Track(name, vendor, title, courses, electives, exam, validFor, renewalQuiz, renewalWindow);
    }

    private Track.Electives electives(YamlFields requires, String track) {
        YamlFields electives = requires.mapping("electives", ELECTIVES_FIELDS);
        if (electives == null) {
            return null;
        }
        Integer choose = electives.requiredWholeNumber("choose", 1);
        List<String> from = courses(electives, "from", References.Kind.ELECTIVE, track);
        if (electives.require("from") && choose != null && choose > from.size()) {
            electives.problems().add(electives.file(), electives.line("choose"), Rule.VALUE_RANGE,
                    "'choose' asks for " + choose + " electives but 'from' offers only " + from.size());
        }
        return new Track.Electives(choose == null ? 0 : choose, from);
    }

    private List<String> courses(YamlFields fields, String key, References.Kind kind, String track) {
        List<String> courses = new ArrayList<>();
        List<YamlFields.Text> texts = fields.texts(key);
        if (texts == null) {
            return courses;
        }
        UniqueIds unique = new UniqueIds("course", fields.file(), fields.problems());
        for (YamlFields.Text text : texts) {
            String course = references.add(kind, track, text.value(), fields.file(), text.line(), fields.problems());
            if (course != null && unique.add(course, text.line())) {
                courses.add(course);
            }
        }
        return courses;
    }
}
