package roadshow.catalog.internal;

import java.util.List;

import roadshow.catalog.api.CatalogCourse;
import roadshow.content.api.Course;
import roadshow.content.api.Lesson;
import roadshow.web.api.LanguagePreference;

/**
 * A course in the language that suits the reader best: its translation where the
 * vendor wrote one, its own text where not.
 *
 * @param listing  the course and its bundle
 * @param language the language tag shown; the course's own language when not translated
 */
record LocalizedCourse(CatalogCourse listing, String language) {

    static LocalizedCourse of(CatalogCourse listing, LanguagePreference preference) {
        Course course = listing.course();
        return new LocalizedCourse(listing, preference.best(CatalogIndex.languages(course), course.language()));
    }

    Course course() {
        return listing.course();
    }

    private Course.Translation translation() {
        return course().translations().get(language);
    }

    String title() {
        Course.Translation t = translation();
        return t != null && t.title() != null ? t.title() : course().title();
    }

    String summary() {
        Course.Translation t = translation();
        return t != null && t.summary() != null ? t.summary() : course().summary();
    }

    String lessonTitle(Lesson lesson) {
        Course.Translation t = translation();
        return t != null ? t.lessonTitles().getOrDefault(lesson.id(), lesson.title()) : lesson.title();
    }

    /** The lesson's Markdown file relative to the course folder, translated where it exists. */
    String lessonFile(Lesson lesson) {
        Course.Translation t = translation();
        return t != null ? t.lessonFiles().getOrDefault(lesson.id(), lesson.file()) : lesson.file();
    }

    /** The languages the course can be read in, its own first. */
    List<String> languages() {
        return CatalogIndex.languages(course());
    }
}
