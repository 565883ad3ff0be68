package roadshow.learning.internal;

import java.time.Instant;
import java.util.Set;

import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.learning.api.CourseProgress;

/**
 * Progress as a course is now, from what was recorded against lesson ids: lessons that
 * still exist and were done count, new lessons are not done, removed lessons drop out.
 */
final class ProgressRules {

    private ProgressRules() {
    }

    static CourseProgress of(Course course, String version, Instant enrolledAt, Set<String> doneLessons, boolean quizPassed,
            Instant completedAt, String completedVersion) {
        int done = 0;
        String resume = null;
        for (Lesson lesson : course.lessons()) {
            if (doneLessons.contains(lesson.id())) {
                done++;
            } else if (resume == null) {
                resume = lesson.id();
            }
        }
        return new CourseProgress(course.globalId(), version, enrolledAt, done, course.lessons().size(), quizPassed, completedAt,
                completedVersion, resume);
    }

    /** Whether what is done now completes the course: every lesson, and its quiz if it has one. */
    static boolean completes(Course course, CourseProgress progress) {
        return progress.lessonsDone() == progress.lessonsTotal() && (course.quiz() == null || progress.quizPassed());
    }

    /** The global id of a prerequisite as written in a course: {@code id} for the same vendor, or {@code vendor/id}. */
    static String prerequisite(Course course, String prerequisite) {
        return prerequisite.contains("/") ? prerequisite : course.vendor() + "/" + prerequisite;
    }
}
