package roadshow.content.api;

import java.time.Period;
import java.util.List;

/**
 * A certification track from {@code tracks/<id>.yaml}: what a learner must complete
 * to be certified, and how long the certification lasts.
 *
 * @param id              unique within its vendor
 * @param vendor          the vendor id
 * @param title           the certification's name
 * @param requiredCourses global ids of courses that must all be completed
 * @param electives       the elective rule, or {@code null}
 * @param exam            global id of a final quiz passed last, or {@code null}
 * @param validFor        how long a certification lasts, or {@code null} for ever
 * @param renewalQuiz     global id of the quiz that renews it, or {@code null}
 * @param renewalWindow   how long before its expiry a certification can be renewed
 *                        ({@code renewal: window:}, an addition to the format), or {@code null}
 *                        for the platform's default
 */
public record Track(
        String id,
        String vendor,
        String title,
        List<String> requiredCourses,
        Electives electives,
        String exam,
        Period validFor,
        String renewalQuiz,
        Period renewalWindow) {

    public Track {
        requiredCourses = List.copyOf(requiredCourses);
    }

    public String globalId() {
        return vendor + "/" + id;
    }

    /**
     * Choose {@code choose} courses from {@code from} (global ids, any vendor).
     */
    public record Electives(int choose, List<String> from) {
        public Electives {
            from = List.copyOf(from);
        }
    }
}
