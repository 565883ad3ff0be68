package roadshow.quiz.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of a learner's attempts at a quiz, as a list of them shows it.
 *
 * @param attempt     the attempt's id
 * @param quiz        the quiz, as {@code vendor/quiz}
 * @param number      1 for the learner's first attempt at the quiz, 2 for the second, ...
 * @param state       where the attempt is
 * @param startedAt   when it started
 * @param deadline    when it stops taking answers, or {@code null} without a time limit
 * @param submittedAt when it was submitted, or {@code null}
 * @param score       the points earned, once submitted
 * @param maxScore    the points it could earn, once submitted
 * @param passed      whether it passed, once submitted
 */
public record AttemptSummary(String attempt, String quiz, int number, State state, Instant startedAt, Instant deadline,
        Instant submittedAt, Double score, Double maxScore, Boolean passed) {

    /** Where an attempt is; in JSON {@code open}, {@code time-up}, {@code submitted}. */
    public enum State {
        /** It takes answers. */
        @JsonProperty("open")
        OPEN,
        /** Its deadline has passed and it was not submitted: submitting grades what was saved by then. */
        @JsonProperty("time-up")
        TIME_UP,
        /** It was submitted and graded. */
        @JsonProperty("submitted")
        SUBMITTED
    }
}
