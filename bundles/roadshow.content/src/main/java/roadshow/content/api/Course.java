package roadshow.content.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A course as its vendor wrote it in {@code courses/<id>/course.yaml}.
 *
 * @param id            the course id, unique within its vendor
 * @param vendor        the vendor id from the bundle's {@code Roadshow-Vendor} header
 * @param title         shown in the catalog
 * @param summary       one paragraph for the catalog and the course page
 * @param language      BCP 47 tag of the course's own language
 * @param duration      the learner's estimate, or {@code null}
 * @param level         beginner, intermediate or advanced, or {@code null}
 * @param tags          free tags for search and filters
 * @param prerequisites global ids ({@code vendor/id}) of courses to complete first
 * @param lessons       in the order a learner takes them
 * @param quiz          global id of the quiz that completes the course, or {@code null}
 * @param folder        the course folder relative to the content folder, ending in {@code /}
 * @param translations  per locale tag, the translated texts found under {@code i18n/<locale>/}
 */
public record Course(
        String id,
        String vendor,
        String title,
        String summary,
        String language,
        Duration duration,
        Level level,
        List<String> tags,
        List<String> prerequisites,
        List<Lesson> lessons,
        String quiz,
        String folder,
        Map<String, Translation> translations) {

    public Course {
        tags = List.copyOf(tags);
        prerequisites = List.copyOf(prerequisites);
        lessons = List.copyOf(lessons);
        translations = Map.copyOf(translations);
    }

    /** The id that identifies this course across vendors and across versions of its bundle. */
    public String globalId() {
        return vendor + "/" + id;
    }

    public Optional<Lesson> lesson(String lessonId) {
        return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }

    /** The course level, as written in lower case in {@code course.yaml}. */
    public enum Level {
        BEGINNER, INTERMEDIATE, ADVANCED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A course's texts in another language, from {@code i18n/<locale>/course.yaml} and
     * {@code i18n/<locale>/lessons/}. Anything absent falls back to the course's own.
     *
     * @param title        translated title, or {@code null}
     * @param summary      translated summary, or {@code null}
     * @param lessonTitles translated lesson titles by lesson id
     * @param lessonFiles  per lesson id, the translated lesson file relative to the course folder
     */
    public record Translation(
            String title,
            String summary,
            Map<String, String> lessonTitles,
            Map<String, String> lessonFiles) {

        public Translation {
            lessonTitles = Map.copyOf(lessonTitles);
            lessonFiles = Map.copyOf(lessonFiles);
        }
    }
}
