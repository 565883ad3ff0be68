package roadshow.quiz.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Learners' attempts at the quizzes served now: starting one, saving answers as the
 * learner goes, and submitting it to be graded. Everything is kept on the server: the
 * questions drawn and the order they were shown in, each answer, the grade. Each step is
 * one transaction.
 *
 * <p>An attempt belongs to the person who started it; to anyone else it does not exist
 * ({@link AttemptException.Reason#NOT_FOUND}).
 */
@ProviderType
public interface QuizAttempts {

    /**
     * Starts an attempt: draws the quiz's questions (its {@code draw:} many, or all) and
     * shows them in the order, and with the choice order, the attempt keeps.
     *
     * @param personId     the learner
     * @param quizGlobalId the quiz, as {@code vendor/quiz}
     * @return the attempt, with nothing in it from which an answer could be told
     * @throws AttemptException {@code NOT_FOUND} when no such quiz is served,
     *                          {@code NO_ATTEMPTS_LEFT} when the learner has used every
     *                          attempt the quiz allows
     */
    QuizAttempt start(String personId, String quizGlobalId);

    /**
     * Saves the learner's answer to one question of their attempt, replacing any earlier
     * one (so saving the same answer again changes nothing).
     *
     * @param answer the answer body, such as {@code {"choice": "a"}}
     * @throws AttemptException {@code NOT_FOUND} when the attempt is not this learner's or
     *                          the question is not in it, {@code CLOSED} when the attempt
     *                          was submitted or its deadline has passed,
     *                          {@code INVALID_ANSWER} (nothing saved) when the body is not of
     *                          the shape the question takes
     */
    void saveAnswer(String personId, String attemptId, String questionId, JsonNode answer);

    /**
     * Submits the attempt and grades the answers saved by its deadline; a question left
     * unanswered earns nothing. Submitting again returns the same result.
     *
     * @throws AttemptException {@code NOT_FOUND} when the attempt is not this learner's,
     *                          {@code UNAVAILABLE} when its quiz cannot be graded now
     *                          (withdrawn, or a question type it needs is gone)
     */
    AttemptResult submit(String personId, String attemptId);

    /** Whether the learner has passed the quiz in any submitted attempt: what completes a course that has it. */
    boolean passed(String personId, String quizGlobalId);

    /**
     * The learner's attempts at a quiz, first to last, whether or not it is served now.
     */
    List<AttemptSummary> attempts(String personId, String quizGlobalId);

    /**
     * One of the learner's attempts, to resume or to review.
     *
     * @throws AttemptException {@code NOT_FOUND} when the attempt is not this learner's
     */
    AttemptDetail attempt(String personId, String attemptId);
}
