package roadshow.quiz.api;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a learner submits a quiz attempt: register one as a service. It is called once
 * per attempt, after the submission is committed, on the thread that submitted it; it should
 * hand long work to a thread of its own. What it throws is logged and changes nothing.
 */
@ConsumerType
public interface AttemptListener {

    /**
     * @param personId the learner
     * @param quiz     the quiz, as {@code vendor/quiz}
     * @param attempt  the attempt's id
     * @param result   its grade
     * @param at       when it was submitted
     */
    void submitted(String personId, String quiz, String attempt, AttemptResult result, Instant at);
}
