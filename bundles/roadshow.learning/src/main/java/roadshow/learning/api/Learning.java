package roadshow.learning.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Enrollment and progress. Courses are named by their global id ({@code vendor/course});
 * what a course holds is what its bundle serves now. A course whose bundle is removed
 * drops out of {@link #progress} but keeps its records, which come back with it.
 */
@ProviderType
public interface Learning {

    /**
     * Enrolls {@code personId} in a course; enrolling again changes nothing.
     *
     * @throws LearningException {@code NOT_FOUND} for a course not served, {@code PREREQUISITES}
     *         when courses it requires are not completed
     */
    CourseProgress enroll(String personId, String course);

    /**
     * Marks a lesson done; marking it again changes nothing. The last lesson done completes
     * the course when it has no quiz.
     *
     * @throws LearningException {@code NOT_FOUND} for a course or lesson not served, {@code NOT_ENROLLED}
     */
    CourseProgress completeLesson(String personId, String course, String lesson);

    /** The learner's progress in a course they are enrolled in and that is served now. */
    Optional<CourseProgress> progress(String personId, String course);

    /** The ids of the lessons of a course the learner marked done, including any the course no longer has. */
    Set<String> doneLessons(String personId, String course);

    /** The learner's progress in every course they are enrolled in that is served now, by course. */
    List<CourseProgress> progress(String personId);

    /**
     * Every course the learner has completed, served now or not, with when: what a
     * certification track counts. Completions still to be recorded for courses served now
     * (a quiz passed since the last lesson) are recorded first.
     */
    Map<String, Instant> completions(String personId);
}
