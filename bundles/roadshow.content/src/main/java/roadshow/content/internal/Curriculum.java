package roadshow.content.internal;

import java.util.List;
import java.util.Optional;

import roadshow.content.api.Course;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

/**
 * Everything a valid content bundle carries, as read from it.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param vendor       the vendor id
 * @param folder       the content folder relative to the bundle root, ending in {@code /}
 * @param courses      by id
 * @param quizzes      by id
 * @param tracks       by id
 * @param program      the partner programme, or {@code null} when the bundle has none
 */
public record Curriculum(
        String symbolicName,
        String version,
        String vendor,
        String folder,
        List<Course> courses,
        List<Quiz> quizzes,
        List<Track> tracks,
        Program program) {

    public Curriculum {
        courses = List.copyOf(courses);
        quizzes = List.copyOf(quizzes);
        tracks = List.copyOf(tracks);
    }

    public Optional<Program> optionalProgram() {
        return Optional.ofNullable(program);
    }

    /** Global ids of the courses, {@code <vendor>/<id>}. */
    public List<String> courseIds() {
        return courses.stream().map(Course::globalId).toList();
    }
}
