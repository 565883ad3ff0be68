package roadshow.quiz.api;

import java.time.Instant;
import java.util.List;

/**
 * An attempt as the learner sees it when it starts: the REST API's
 * {@code {attempt, deadline, questions}}.
 *
 * @param attempt   the attempt's id, random and unguessable
 * @param deadline  when answers stop being accepted, or {@code null} when the quiz has no
 *                  time limit
 * @param questions the questions drawn for the attempt, in the order shown, without their
 *                  answers
 */
public record QuizAttempt(String attempt, Instant deadline, List<Presented> questions) {

    public QuizAttempt {
        questions = List.copyOf(questions);
    }
}
