package roadshow.catalog.api;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;

/**
 * A course in the catalog, with the bundle that serves it (for its version, its quiz
 * and its files).
 */
public record CatalogCourse(Course course, ContentBundle bundle) {

    public String globalId() {
        return course.globalId();
    }

    /** The version of the bundle that serves this course: the course's version. */
    public String version() {
        return bundle.version();
    }
}
