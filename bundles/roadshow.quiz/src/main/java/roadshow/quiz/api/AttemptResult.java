package roadshow.quiz.api;

import java.util.List;

/**
 * A submitted attempt's grade: the REST API's {@code {score, maxScore, passed, questions}}.
 *
 * @param score     the points earned
 * @param maxScore  the points of every question the attempt asked
 * @param passed    whether {@code score} reaches the quiz's pass score (a fraction of
 *                  {@code maxScore})
 * @param questions each question asked, in the order shown
 */
public record AttemptResult(double score, double maxScore, boolean passed, List<QuestionResult> questions) {

    public AttemptResult {
        questions = List.copyOf(questions);
    }

    /**
     * How one question of the attempt was graded.
     *
     * @param id       the question's id
     * @param correct  whether the answer was fully right
     * @param points   the points earned
     * @param feedback the vendor's feedback for what the learner answered; may be empty
     */
    public record QuestionResult(String id, boolean correct, double points, List<String> feedback) {

        public QuestionResult {
            feedback = feedback == null ? List.of() : List.copyOf(feedback);
        }
    }
}
