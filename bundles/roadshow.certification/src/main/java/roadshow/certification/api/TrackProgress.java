package roadshow.certification.api;

import java.time.Instant;
import java.util.List;

/**
 * Where a learner stands on a track: what is done and what is left, and the certification
 * it gave them, if any.
 *
 * @param track           the track, as {@code vendor/track}
 * @param title           its title
 * @param vendor          its vendor
 * @param requiredCourses each required course, with whether it is completed
 * @param electivesToChoose how many electives must be completed ({@code 0} for none)
 * @param electives       each elective course, with whether it is completed
 * @param exam            the final exam (a quiz passed last), or {@code null} without one
 * @param certification   the learner's latest certification on the track, or {@code null}
 * @param renewalOpensAt  when the current certification's renewal window opens, or
 *                        {@code null} when it cannot be renewed
 * @param renewalQuiz     the quiz that renews it, as {@code vendor/quiz}, or {@code null}
 */
public record TrackProgress(String track, String title, String vendor, List<Step> requiredCourses, int electivesToChoose,
        List<Step> electives, Step exam, Certification certification, Instant renewalOpensAt, String renewalQuiz) {

    public TrackProgress {
        requiredCourses = List.copyOf(requiredCourses);
        electives = List.copyOf(electives);
    }

    /**
     * One thing a track asks for.
     *
     * @param id    the course or quiz, as {@code vendor/id}
     * @param title its title, or its id when it is not served now
     * @param done  whether the learner has completed (passed) it
     */
    public record Step(String id, String title, boolean done) {
    }

    /** Whether everything the track asks for is done. */
    public boolean met() {
        return requiredCourses.stream().allMatch(Step::done)
                && electives.stream().filter(Step::done).count() >= electivesToChoose
                && (exam == null || exam.done());
    }
}
