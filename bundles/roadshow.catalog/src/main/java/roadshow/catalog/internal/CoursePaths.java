package roadshow.catalog.internal;

import roadshow.content.api.Course;
import roadshow.content.api.Lesson;

/** The page URLs of the catalog, in one place. */
final class CoursePaths {

    private CoursePaths() {
    }

    static String courseUrl(Course course) {
        return "/courses/" + course.vendor() + "/" + course.id();
    }

    static String lessonUrl(Course course, Lesson lesson) {
        return courseUrl(course) + "/lessons/" + lesson.id();
    }
}
