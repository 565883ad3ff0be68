package roadshow.quiz.api;

import java.util.List;

/**
 * How an answer to one question was graded.
 *
 * @param points    the points earned, from 0 to {@code maxPoints}
 * @param maxPoints the points a fully right answer earns: the question's points
 * @param correct   whether the answer was fully right; an answer earning partial credit is
 *                  not
 * @param feedback  the vendor's feedback for what the learner answered (such as the
 *                  feedback of each choice they picked), in the order written; empty when
 *                  the vendor wrote none
 */
public record Grade(double points, double maxPoints, boolean correct, List<String> feedback) {

    public Grade {
        if (!(maxPoints >= 0) || !(points >= 0) || points > maxPoints) {
            throw new IllegalArgumentException("points must be from 0 to " + maxPoints + ", not " + points);
        }
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    /** A fully right answer: every point. */
    public static Grade right(double maxPoints, List<String> feedback) {
        return new Grade(maxPoints, maxPoints, true, feedback);
    }

    /** A wrong answer, or none: no points. */
    public static Grade wrong(double maxPoints, List<String> feedback) {
        return new Grade(0, maxPoints, false, feedback);
    }
}
